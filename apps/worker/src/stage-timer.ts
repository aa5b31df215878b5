import { channel } from 'node:diagnostics_channel';
import type { Logger } from '@folkemote/logger';

/**
 * Every timed stage of a recording job is published here as it ends, so a benchmark or a
 * profiler in the same process can see where a job's time goes. Publishing costs nothing
 * while no one subscribes.
 */
export const STAGE_TIMING_CHANNEL = 'folkemote.worker.stage';

export interface StageTiming {
  /** Null for jobs that are not about one recording (the site rebuild). */
  recordingId: string | null;
  job: string;
  stage: string;
  /** `performance.now()` of this process when the stage started and ended. */
  start: number;
  end: number;
  ok: boolean;
}

export interface StageTimer {
  /** Runs `work` as the named stage; stages may overlap. */
  time<T>(stage: string, work: () => Promise<T>): Promise<T>;
  /** A stage timed elsewhere (ffmpeg steps inside the media package). */
  record(stage: string, start: number, end: number): void;
}

const timings = channel(STAGE_TIMING_CHANNEL);

export function createStageTimer(log: Logger, recordingId: string | null, job: string): StageTimer {
  const record = (stage: string, start: number, end: number, ok = true) => {
    // The job's logger names the job and the recording already.
    log.info({ stage, ms: Math.round(end - start), ok }, 'stage finished');
    if (timings.hasSubscribers) {
      const timing: StageTiming = { recordingId, job, stage, start, end, ok };
      timings.publish(timing);
    }
  };
  return {
    async time(stage, work) {
      const start = performance.now();
      let ok = false;
      try {
        const result = await work();
        ok = true;
        return result;
      } finally {
        record(stage, start, performance.now(), ok);
      }
    },
    record: (stage, start, end) => record(stage, start, end),
  };
}
