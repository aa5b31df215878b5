import { findBroadcastById } from '@folkemote/db';
import type { JobModule } from '../job-handler.ts';
import { syncReplayPublication } from '../replay-publication.ts';
import { writeSearchIndex } from '../site-writer.ts';

/**
 * Brings a recording's public files in line with the database after something beside its
 * processing changed: captions, chapters, its title, or an organiser publishing or unpublishing
 * it. A public recording's pages are rewritten (its version copied out of review first); a held
 * or unpublished one's pages and media leave the public bucket (see syncReplayPublication).
 */
export const replayRefresh: JobModule<'replay.refresh'> = {
  name: 'replay.refresh',
  async handle(deps, { recordingId }) {
    const result = await syncReplayPublication(deps, recordingId);
    deps.log.info({ result }, 'replay publication synced');
    // A broadcast's manifest (what its live page polls) follows its recording being published or not.
    const broadcast = await findBroadcastById(deps.db, recordingId);
    if (broadcast) await deps.queues.enqueue('broadcast.refresh', { eventId: broadcast.eventId });
    // Captions, chapters and titles are what search finds, so its index follows them.
    await writeSearchIndex(deps);
  },
};
