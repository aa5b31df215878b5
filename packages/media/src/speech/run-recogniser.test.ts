import { describe, expect, it } from 'vitest';
import { AbortError } from '../errors.ts';
import { runRecogniser } from './run-recogniser.ts';
import { SpeechEngineFailedError } from './types.ts';

describe('runRecogniser', () => {
  it('hands over every line the program writes', async () => {
    const lines: string[] = [];
    await runRecogniser({
      label: 'test',
      bin: 'sh',
      args: ['-c', 'echo one; echo two'],
      onStdoutLine: (l) => lines.push(l),
    });
    expect(lines).toEqual(['one', 'two']);
  });

  it('stops a program that writes nothing any more', async () => {
    const run = runRecogniser({
      label: 'test',
      bin: 'sh',
      args: ['-c', 'echo start; exec sleep 60'],
      stallTimeoutMs: 300,
    });
    await expect(run).rejects.toThrow(SpeechEngineFailedError);
    await expect(run).rejects.toThrow(/wrote nothing for 300 ms/);
  });

  it('stops the program when the job is aborted', async () => {
    const abort = new AbortController();
    const run = runRecogniser({
      label: 'test',
      bin: 'sh',
      args: ['-c', 'echo start; exec sleep 60'],
      signal: abort.signal,
      onStdoutLine: () => abort.abort(),
    });
    await expect(run).rejects.toThrow(AbortError);
  });

  it('says when the program cannot be started', async () => {
    await expect(
      runRecogniser({ label: 'whisper.cpp', bin: '/nonexistent/whisper-cli', args: [] }),
    ).rejects.toThrow(/whisper.cpp could not be started \(\/nonexistent\/whisper-cli\)/);
  });
});
