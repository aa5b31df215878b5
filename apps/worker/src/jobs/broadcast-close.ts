import type { JobModule } from '../job-handler.ts';

/** Publishes an ended broadcast's closed stream as the quick replay, or holds it for review. */
export const broadcastClose: JobModule<'broadcast.close'> = {
  name: 'broadcast.close',
  async handle(deps, { eventId }) {
    deps.log.info({ eventId }, 'broadcast closing is not done yet');
  },
};
