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

/** The reminders still ahead of an event's start, with how long until each is due. */
export function remindersAhead(startsAt: Date, now: Date): Array<{ kind: ReminderKind; delayMs: number }> {
  return reminderKinds
    .map((kind) => ({ kind, delayMs: startsAt.getTime() - reminderLeadMs[kind] - now.getTime() }))
    .filter((r) => r.delayMs > 0);
}

/** Adds the 24-hour and 1-hour reminders that are still ahead; any earlier ones are replaced. */
export async function scheduleReminders(
  deps: Pick<RegistrationDeps, 'queues'>,
  registrationId: string,
  startsAt: Date,
  now = new Date(),
): Promise<void> {
  await removeReminders(deps, registrationId);
  await Promise.all(
    remindersAhead(startsAt, now).map(({ kind, delayMs }) =>
      deps.queues.enqueue('registration.reminder', { registrationId, kind }, { delayMs }),
    ),
  );
}
