import { findBroadcastForEvent } from '@folkemote/db';
import {
  broadcastPagesOwnedByReplay,
  loadBroadcastPage,
  removeBroadcastPages,
  writeBroadcastPages,
} from '../broadcast-pages.ts';
import type { JobModule } from '../job-handler.ts';
import { syncReplayPublication } from '../replay-publication.ts';

/**
 * Writes a broadcast event's live page, embed, oEmbed and `broadcast.json` from the database: the
 * only writer of those. An event without a broadcast gets nothing; one whose broadcast will not
 * happen (not marked any more, a draft, cancelled) before it went live loses its page. Once the
 * recording at the same address is public, its replay pages own the address and only
 * `broadcast.json` is kept current.
 */
export const broadcastRefresh: JobModule<'broadcast.refresh'> = {
  name: 'broadcast.refresh',
  async handle(deps, { eventId }) {
    const broadcast = await findBroadcastForEvent(deps.db, eventId);
    if (!broadcast) {
      deps.log.info({ eventId }, 'event has no broadcast: no live page');
      return;
    }
    const page = await loadBroadcastPage(deps, broadcast);
    const ownedByReplay = await broadcastPagesOwnedByReplay(deps.db, broadcast.id);
    if (!page?.onAir) {
      await removeBroadcastPages(deps, broadcast.id, ownedByReplay);
      deps.log.info({ eventId, broadcastId: broadcast.id }, 'broadcast is off the air: live page removed');
      return;
    }
    await writeBroadcastPages(deps, page.input, ownedByReplay);
    // The quick replay may have been published while the live page was being written over it:
    // its pages are put back, so the address stays the replay's.
    if (!ownedByReplay && (await broadcastPagesOwnedByReplay(deps.db, broadcast.id)))
      await syncReplayPublication(deps, broadcast.id);
    deps.log.info(
      { eventId, broadcastId: broadcast.id, state: page.input.manifest.state, ownedByReplay },
      'broadcast pages written',
    );
  },
};
