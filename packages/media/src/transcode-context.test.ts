import { describe, expect, it } from 'vitest';
import type { ProgressReporter } from './report-progress.ts';
import { allOrAbort, createStepProgress } from './transcode-context.ts';

describe('createStepProgress', () => {
  it('maps each step’s fraction into its share of the stage', () => {
    const calls: number[] = [];
    const reporter: ProgressReporter = {
      update: (_s, done, total) => calls.push(done / total),
      complete: () => {},
    };
    const steps = createStepProgress(reporter, 'transcoding', 100, [
      ['main', 0.9],
      ['download', 0.1],
    ]);
    steps.at('main', 0.5);
    steps.at('download', 0);
    steps.at('download', 2);
    expect(calls).toEqual([0.45, 0.9, 1]);
  });
});

describe('allOrAbort', () => {
  it('returns every result in order', async () => {
    const controller = new AbortController();
    await expect(
      allOrAbort<[number, string]>(controller, [async () => 1, async () => 'two']),
    ).resolves.toEqual([1, 'two']);
    expect(controller.signal.aborted).toBe(false);
  });

  it('aborts the siblings of a failed task, waits for them and throws the first real error', async () => {
    const controller = new AbortController();
    let siblingStopped = false;
    const sibling = () =>
      new Promise<void>((_, reject) => {
        controller.signal.addEventListener('abort', () => {
          siblingStopped = true;
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    const failing = async () => {
      throw new Error('ffmpeg broke');
    };
    await expect(allOrAbort<[unknown, unknown]>(controller, [sibling, failing])).rejects.toThrow(
      'ffmpeg broke',
    );
    expect(siblingStopped).toBe(true);
  });
});
