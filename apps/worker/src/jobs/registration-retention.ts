import { publishAccessWithdrawal, publishRoomChange } from '@folkemote/queue';
import { purgeExpiredRegistrantData } from '@folkemote/registration';
import type { JobModule } from '../job-handler.ts';
import { removeRegistrantsFromRoom } from '../live/remove-registrants-from-room.ts';

/**
 * Deletes registrant data whose retention has ended, with the questions' personal data and the
 * registrants' names in the live room; the counts stay. Every API instance is told, so the deleted
 * registrants' open streams end and the room views still open drop them, and any of them still
 * connected to the event's LiveKit room is removed from it. Runs on a schedule.
 */
export const registrationRetention: JobModule<'registration.retention'> = {
  name: 'registration.retention',
  async handle(deps) {
    const purged = await purgeExpiredRegistrantData(deps, new Date(), {
      onEventPurged: async (eventId) => {
        const prefix = deps.config.redis.queuePrefix;
        await publishAccessWithdrawal(deps.queues, prefix, { scope: 'registrations', eventId }).catch((err) =>
          deps.log.warn({ err, eventId }, 'access withdrawal not announced'),
        );
        await publishRoomChange(deps.queues, prefix, eventId).catch((err) =>
          deps.log.warn({ err, eventId }, 'room change not announced'),
        );
        await removeRegistrantsFromRoom(deps, eventId).catch((err) =>
          deps.log.warn({ err, eventId }, 'deleted registrants could not be removed from LiveKit'),
        );
      },
    });
    if (purged.events > 0 || purged.questions > 0)
      deps.log.info(purged, 'registrant data deleted after retention');
  },
};
