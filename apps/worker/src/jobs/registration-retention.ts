import { publishAccessWithdrawal } from '@folkemote/queue';
import { purgeExpiredRegistrantData } from '@folkemote/registration';
import type { JobModule } from '../job-handler.ts';
import { removeRegistrantsFromRoom } from '../live/remove-registrants-from-room.ts';

/**
 * Deletes registrant data whose retention has ended, with the questions' personal data; the counts stay.
 * Every API instance is told, so the deleted registrants' open streams end, and any of them still
 * connected to the event's LiveKit room is removed from it. Runs on a schedule.
 */
export const registrationRetention: JobModule<'registration.retention'> = {
  name: 'registration.retention',
  async handle(deps) {
    const purged = await purgeExpiredRegistrantData(deps, new Date(), {
      onEventPurged: async (eventId) => {
        await publishAccessWithdrawal(deps.queues, deps.config.redis.queuePrefix, {
          scope: 'registrations',
          eventId,
        }).catch((err) => deps.log.warn({ err, eventId }, 'access withdrawal not announced'));
        await removeRegistrantsFromRoom(deps, eventId).catch((err) =>
          deps.log.warn({ err, eventId }, 'deleted registrants could not be removed from LiveKit'),
        );
      },
    });
    if (purged.events > 0 || purged.questions > 0)
      deps.log.info(purged, 'registrant data deleted after retention');
  },
};
