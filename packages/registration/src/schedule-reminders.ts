import { type ReminderKind, reminderJobId, reminderKinds } from '@folkemote/queue';
import type { RegistrationDeps } from './registration-deps.ts';

export const reminderLeadMs: Record<ReminderKind, number> = { '24h': 24 * 3600_000, '1h': 3600_000 };

/** Drops a registration's pending reminders (cancelled, deleted, or about to be rescheduled). */
export async function removeReminders(
  deps: Pick<RegistrationDeps, 'queues'>,
  registrationId: string,
): Promise<void> {
  const queue = deps.queues.queue('registration.reminder');
  for (const kind of reminderKinds) await queue.remove(reminderJobId(registrationId, kind));
}

/**
 * Adds the 24-hour and 1-hour reminders that are still ahead; any earlier ones
 * are replaced. `fresh` (a registration just made) has none to replace.
 */
export async function scheduleReminders(
  deps: Pick<RegistrationDeps, 'queues'>,
  registrationId: string,
  startsAt: Date,
  now = new Date(),
  options: { fresh?: boolean } = {},
): Promise<void> {
  if (!options.fresh) await removeReminders(deps, registrationId);
  await Promise.all(
    reminderKinds.map((kind) => {
      const delayMs = startsAt.getTime() - reminderLeadMs[kind] - now.getTime();
      return delayMs > 0
        ? deps.queues.enqueue('registration.reminder', { registrationId, kind }, { delayMs })
        : null;
    }),
  );
}
