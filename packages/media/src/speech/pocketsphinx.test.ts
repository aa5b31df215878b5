import { describe, expect, it } from 'vitest';
import { createPocketSphinxEngine, parsePocketSphinxLine, pocketSphinxArgs } from './pocketsphinx.ts';
import { SpeechEngineUnusableError } from './types.ts';

describe('parsePocketSphinxLine', () => {
  it('reads a word with its times, without its pronunciation variant', () => {
    expect(parsePocketSphinxLine('was(2) 0.330 0.540 0.999800')).toEqual({
      text: 'was',
      start: 0.33,
      end: 0.54,
    });
    expect(parsePocketSphinxLine('mr 0.370 0.620 0.980491')).toEqual({ text: 'mr', start: 0.37, end: 0.62 });
  });

  it('skips utterance edges, silence, noise and the utterance text line', () => {
    for (const line of [
      '<s> 0.000 0.060 0.999500',
      '</s> 2.800 2.970 1.000000',
      '<sil> 0.070 0.200 0.694306',
      '[SPEECH] 0.980 1.100 0.535598',
      '[NOISE] 1.0 1.2 0.5',
      '+BREATH+ 1.0 1.2 0.5',
      'he was not an ill disposed young man',
      '',
    ])
      expect(parsePocketSphinxLine(line)).toBeNull();
  });
});

describe('createPocketSphinxEngine', () => {
  it('refuses bokmål and nynorsk with a reason that points to whisper.cpp', async () => {
    const engine = createPocketSphinxEngine();
    expect(engine.refusal('en')).toBeNull();
    expect(engine.refusal('nb')).toMatch(/English model only.*bokmål.*whisper/);
    expect(engine.refusal('nn')).toMatch(/nynorsk/);
    await expect(engine.transcribe('/nowhere.wav', { language: 'nb' })).rejects.toThrow(
      SpeechEngineUnusableError,
    );
  });

  it('names the missing model', async () => {
    const engine = createPocketSphinxEngine({
      bin: 'pocketsphinx_continuous',
      modelDir: '/nonexistent/en-us',
    });
    await expect(engine.transcribe('/nowhere.wav', { language: 'en' })).rejects.toThrow(/pocketsphinx-en-us/);
  });

  it('reads the file with word times and Debian’s model files', () => {
    expect(pocketSphinxArgs({ bin: 'x', modelDir: '/m' }, '/w/a.wav')).toEqual([
      '-infile',
      '/w/a.wav',
      '-time',
      'yes',
      '-hmm',
      '/m/en-us',
      '-lm',
      '/m/en-us.lm.bin',
      '-dict',
      '/m/cmudict-en-us.dict',
      '-logfn',
      '/dev/null',
    ]);
  });
});
