import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpeechEngineFailedError, SpeechEngineUnusableError } from './types.ts';
import { createWhisperEngine, parseWhisperJson, parseWhisperPosition, whisperArgs } from './whisper.ts';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const settings = { bin: 'whisper-cli', modelPath: '/srv/models/ggml-model.bin', threads: 0 };

describe('whisperArgs', () => {
  it('forces the event language: bokmål as no, nynorsk as nn, English as en', () => {
    for (const [language, code] of [
      ['nb', 'no'],
      ['nn', 'nn'],
      ['en', 'en'],
    ] as const) {
      const args = whisperArgs(settings, '/w/a.wav', language, '/w/out');
      expect(args[args.indexOf('-l') + 1]).toBe(code);
      expect(args).not.toContain('auto');
    }
  });

  it('asks for one word per segment as JSON, from the model and file given', () => {
    const args = whisperArgs({ ...settings, threads: 2 }, '/w/a.wav', 'nb', '/w/out');
    expect(args).toEqual([
      '-m',
      '/srv/models/ggml-model.bin',
      '-f',
      '/w/a.wav',
      '-l',
      'no',
      '-ml',
      '1',
      '-sow',
      '-oj',
      '-of',
      '/w/out',
      '-t',
      '2',
    ]);
  });
});

describe('parseWhisperJson', () => {
  it('reads words and their times from whisper.cpp -oj output, without blanks or sound labels', async () => {
    const words = parseWhisperJson(await readFile(fixture('whisper-output.json'), 'utf8'));
    expect(words.map((w) => w.text)).toEqual([
      'God',
      'kveld,',
      'og',
      'velkommen',
      'til',
      'folkemøtet.',
      'Først',
      'ordføreren.',
    ]);
    expect(words[1]).toEqual({ text: 'kveld,', start: 0.61, end: 1.05 });
  });

  it('fails clearly on output that is not a transcription', () => {
    expect(() => parseWhisperJson('not json')).toThrow(SpeechEngineFailedError);
    expect(() => parseWhisperJson('{"result":{}}')).toThrow(/without a transcription/);
  });
});

describe('parseWhisperPosition', () => {
  it('reads the end of each printed segment', async () => {
    const lines = (await readFile(fixture('whisper-stdout.txt'), 'utf8')).split('\n');
    const positions = lines.map(parseWhisperPosition).filter((p) => p !== null);
    expect(positions).toEqual([0.61, 1.05, 1.38, 2.1, 2.3, 3.15, 5, 5.4, 5.7]);
    expect(parseWhisperPosition('[01:02:03.450 --> 01:02:04.500]  ord')).toBeCloseTo(3724.5);
    expect(parseWhisperPosition('whisper_print_timings: total time = 1.0 ms')).toBeNull();
  });
});

describe('createWhisperEngine', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'whisper-engine-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses with the missing model file named, before running anything', async () => {
    const engine = createWhisperEngine({
      ...settings,
      bin: '/nonexistent',
      modelPath: path.join(dir, 'nope.bin'),
    });
    const run = engine.transcribe(path.join(dir, 'a.wav'), { language: 'nb' });
    await expect(run).rejects.toThrow(SpeechEngineUnusableError);
    await expect(run).rejects.toThrow(/CAPTIONS_MODEL_PATH=.*nope\.bin/);
  });

  it('runs the program, reports its position and reads its JSON (a stand-in program: no model runs here)', async () => {
    // Writes what whisper.cpp writes: segments on stdout, the JSON to the -of prefix; and records its arguments.
    const fake = path.join(dir, 'fake-whisper.sh');
    await writeFile(
      fake,
      `#!/bin/sh\necho "$@" > "${dir}/args"\nout=""\nwhile [ $# -gt 0 ]; do [ "$1" = "-of" ] && out="$2"; shift; done\ncat "${fixture('whisper-stdout.txt')}"\ncp "${fixture('whisper-output.json')}" "$out.json"\n`,
    );
    await chmod(fake, 0o755);
    const model = path.join(dir, 'model.bin');
    await writeFile(model, 'ggml');
    const audio = path.join(dir, 'a.wav');
    const positions: number[] = [];
    const words = await createWhisperEngine({ bin: fake, modelPath: model, threads: 0 }).transcribe(audio, {
      language: 'nn',
      onPosition: (s) => positions.push(s),
    });
    expect(words).toHaveLength(8);
    expect(positions.at(-1)).toBe(5.7);
    expect(await readFile(path.join(dir, 'args'), 'utf8')).toContain(`-f ${audio} -l nn`);
  });

  it('fails with the program’s last words when it exits non-zero', async () => {
    const fake = path.join(dir, 'failing-whisper.sh');
    await writeFile(fake, '#!/bin/sh\necho "error: failed to read WAV file" >&2\nexit 3\n');
    await chmod(fake, 0o755);
    const model = path.join(dir, 'model.bin');
    await writeFile(model, 'ggml');
    const run = createWhisperEngine({ bin: fake, modelPath: model, threads: 0 }).transcribe(
      path.join(dir, 'a.wav'),
      {
        language: 'nb',
      },
    );
    await expect(run).rejects.toThrow(/exit 3.*failed to read WAV/);
  });
});
