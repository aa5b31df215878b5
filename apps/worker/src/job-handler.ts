import type { Progress } from '@folkemote/domain';
import type { JobName, JobPayload } from '@folkemote/queue';
import type { WorkerDeps } from './deps.ts';

export interface JobContext {
  /** Aborted when the worker shuts down: stop, clean up, and let the job resume elsewhere. */
  signal: AbortSignal;
  /** Throttled: safe to call on every ffmpeg progress line. */
  reportProgress(progress: Progress): void;
  attemptsMade: number;
  /** Stable across retries of one job, new for a job added again: what makes an e-mail go out once per job. */
  jobKey: string;
}

export interface JobModule<N extends JobName> {
  name: N;
  handle(deps: WorkerDeps, payload: JobPayload<N>, ctx: JobContext): Promise<void>;
}

/** The handler map is keyed by the job-name union: a job without a handler does not compile. */
export type JobRegistry = { [N in JobName]: JobModule<N> };
