import type { JobQueues } from '@folkemote/queue';

const retentionEveryMs = 3600_000;

/** One repeating retention run per installation: the scheduler id makes repeated start-ups add nothing. */
export async function scheduleRetention(queues: JobQueues): Promise<void> {
  await queues
    .queue('registration.retention')
    .upsertJobScheduler(
      'registration-retention',
      { every: retentionEveryMs },
      { name: 'registration.retention', data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
}
