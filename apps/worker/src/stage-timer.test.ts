import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createLogger } from '@folkemote/logger';
import { afterEach, describe, expect, it } from 'vitest';
import { createStageTimer, STAGE_TIMING_CHANNEL, type StageTiming } from './stage-timer.ts';

describe('createStageTimer', () => {
  const seen: StageTiming[] = [];
  const listener = (message: unknown) => seen.push(message as StageTiming);
  afterEach(() => {
    unsubscribe(STAGE_TIMING_CHANNEL, listener);
    seen.length = 0;
  });

  it('publishes each stage with its start and end, failed ones marked, and passes results through', async () => {
    subscribe(STAGE_TIMING_CHANNEL, listener);
    const stages = createStageTimer(createLogger('silent', 'test'), 'rec-1', 'recording.quick');

    expect(await stages.time('remux', async () => 42)).toBe(42);
    await expect(
      stages.time('upload', async () => {
        throw new Error('S3 is down');
      }),
    ).rejects.toThrow('S3 is down');
    stages.record('poster', 10, 25);

    expect(seen.map(({ stage, ok, job, recordingId }) => ({ stage, ok, job, recordingId }))).toEqual([
      { stage: 'remux', ok: true, job: 'recording.quick', recordingId: 'rec-1' },
      { stage: 'upload', ok: false, job: 'recording.quick', recordingId: 'rec-1' },
      { stage: 'poster', ok: true, job: 'recording.quick', recordingId: 'rec-1' },
    ]);
    expect(seen[0]!.end).toBeGreaterThanOrEqual(seen[0]!.start);
    expect(seen[2]).toMatchObject({ start: 10, end: 25 });
  });
});
