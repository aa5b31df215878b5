import type { JobModule } from '../job-handler.ts';
import { reconcileLiveRooms } from '../live/reconcile-live-rooms.ts';

/** Catches up on lost LiveKit webhooks; runs every minute, and for one room when it ends. */
export const livekitReconcile: JobModule<'livekit.reconcile'> = {
  name: 'livekit.reconcile',
  async handle(deps, { eventId }) {
    const result = await reconcileLiveRooms(deps, { eventId });
    if (result.changed > 0) deps.log.info(result, 'live recordings caught up with LiveKit');
  },
};
