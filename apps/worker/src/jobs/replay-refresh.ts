import { findPublishedReplay } from '@folkemote/db';
import type { JobModule } from '../job-handler.ts';
import { writeReplayPages, writeSearchIndex } from '../site-writer.ts';

/**
 * Rewrites a published recording's replay pages from the database, after
 * something beside its version changed (captions, chapters), and the search index with them. A recording that is not
 * public (yet) is left alone: publishing it writes the pages anyway.
 */
export const replayRefresh: JobModule<'replay.refresh'> = {
  name: 'replay.refresh',
  async handle(deps, { recordingId }) {
    const replay = await findPublishedReplay(deps.db, recordingId);
    if (!replay) return;
    await writeReplayPages(deps, replay);
    // Captions and chapters are what search finds, so its index follows them.
    await writeSearchIndex(deps);
    deps.log.info('replay pages rewritten');
  },
};
