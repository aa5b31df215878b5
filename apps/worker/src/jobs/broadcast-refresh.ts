import type { JobModule } from '../job-handler.ts';

/** Writes a broadcast event's live page, embed, oEmbed and `broadcast.json` from the database. */
export const broadcastRefresh: JobModule<'broadcast.refresh'> = {
  name: 'broadcast.refresh',
  async handle(deps, { eventId }) {
    deps.log.info({ eventId }, 'broadcast pages are not written yet');
  },
};
