import type { JobName, JobQueues } from '@folkemote/queue';

/** The jobs that run on a clock, and how often. */
const repeating = [
  { name: 'registration.retention', schedulerId: 'registration-retention', everyMs: 3600_000 },
  { name: 'livekit.reconcile', schedulerId: 'livekit-reconcile', everyMs: 60_000 },
] as const satisfies ReadonlyArray<{ name: JobName; schedulerId: string; everyMs: number }>;

/** One repeating run of each per installation: the scheduler id makes repeated start-ups add nothing. */
export async function scheduleRepeatingJobs(queues: JobQueues): Promise<void> {
  for (const { name, schedulerId, everyMs } of repeating)
    await queues
      .queue(name)
      .upsertJobScheduler(
        schedulerId,
        { every: everyMs },
        { name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
}
