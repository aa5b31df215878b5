import { type BroadcastRow, findBroadcastForEvent, type Queryable } from '@folkemote/db';
import type { Locale } from '@folkemote/domain';
import { renderLiveEmbedCode, siteUrls } from '@folkemote/site';

/** What an organiser is shown of a broadcast: its public address, the embed and the snippet the live page offers. */
export function toEventBroadcastView(
  broadcast: BroadcastRow,
  publicBaseUrl: string,
  event: { title: string; language: Locale },
) {
  const embedUrl = siteUrls.embed(publicBaseUrl, broadcast.id);
  return {
    id: broadcast.id,
    status: broadcast.status,
    liveSince: broadcast.liveSince,
    endedAt: broadcast.endedAt,
    url: siteUrls.broadcastBase(publicBaseUrl, broadcast.id),
    embedUrl,
    embedCode: renderLiveEmbedCode({ embedUrl, title: event.title, locale: event.language }),
  };
}

/** The event's broadcast as its organisers see it; null when the event is not broadcast. */
export async function loadEventBroadcast(
  db: Queryable,
  event: { id: string; title: string; language: Locale; broadcast: boolean },
  publicBaseUrl: string,
) {
  if (!event.broadcast) return null;
  const broadcast = await findBroadcastForEvent(db, event.id);
  return broadcast ? toEventBroadcastView(broadcast, publicBaseUrl, event) : null;
}
