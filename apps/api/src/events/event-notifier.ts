import { notifyEventCancelled, notifyEventChanged } from '@folkemote/registration';
import type { ApiDeps } from '../api-deps.ts';
import { registrationDepsFrom } from '../registrations/registration-deps-from.ts';

/** What registrants are told when an organiser changes or cancels a published event. */
export interface EventNotifier {
  /** Registrants get the change (and an updated invitation); reminders follow the new time. */
  changed(eventId: string): Promise<void>;
  /** Registrants get the cancellation; their reminders are dropped. Marks the event cancelled if it is not yet. */
  cancelled(eventId: string): Promise<void>;
}

export function createEventNotifier(deps: ApiDeps): EventNotifier {
  const registration = registrationDepsFrom(deps);
  return {
    async changed(eventId) {
      await notifyEventChanged(registration, eventId);
    },
    async cancelled(eventId) {
      await notifyEventCancelled(registration, eventId);
    },
  };
}
