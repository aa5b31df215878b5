import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';

describe('caption engine settings', () => {
  it('makes no drafts unless an engine is configured', () => {
    expect(loadConfig({}).captions).toEqual({ engine: 'none' });
  });

  it('takes whisper.cpp when a model file is named, resolving the path', () => {
    expect(loadConfig({ CAPTIONS_MODEL_PATH: 'models/nb-whisper-base.bin' }, '/srv/app').captions).toEqual({
      engine: 'whisper',
      bin: 'whisper-cli',
      modelPath: '/srv/app/models/nb-whisper-base.bin',
      threads: 0,
    });
  });

  it('refuses whisper without a model file, and an engine it does not know', () => {
    expect(() => loadConfig({ CAPTIONS_ENGINE: 'whisper' })).toThrow(/CAPTIONS_MODEL_PATH/);
    expect(() => loadConfig({ CAPTIONS_ENGINE: 'vosk' })).toThrow(/CAPTIONS_ENGINE/);
  });

  it('takes Debian’s PocketSphinx with its model directory', () => {
    expect(loadConfig({ CAPTIONS_ENGINE: 'pocketsphinx' }).captions).toEqual({
      engine: 'pocketsphinx',
      bin: 'pocketsphinx_continuous',
      modelDir: '/usr/share/pocketsphinx/model/en-us',
    });
  });
});
