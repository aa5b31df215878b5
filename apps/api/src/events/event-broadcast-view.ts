import { type BroadcastRow, findBroadcastForEvent, type Queryable } from '@folkemote/db';

/** What an organiser is shown of a broadcast: its public address, the embed and a snippet to paste. */
export function toEventBroadcastView(broadcast: BroadcastRow, publicBaseUrl: string, title: string) {
  const url = `${publicBaseUrl}/replays/${broadcast.id}/`;
  const embedUrl = `${url}embed.html`;
  const escapedTitle = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return {
    id: broadcast.id,
    status: broadcast.status,
    liveSince: broadcast.liveSince,
    endedAt: broadcast.endedAt,
    url,
    embedUrl,
    embedCode: `<iframe src="${embedUrl}" title="${escapedTitle}" width="640" height="360" style="border:0;max-width:100%;aspect-ratio:16/9;height:auto" allow="fullscreen; picture-in-picture" allowfullscreen></iframe>`,
  };
}

/** The event's broadcast as its organisers see it; null when the event is not broadcast. */
export async function loadEventBroadcast(
  db: Queryable,
  event: { id: string; title: string; broadcast: boolean },
  publicBaseUrl: string,
) {
  if (!event.broadcast) return null;
  const broadcast = await findBroadcastForEvent(db, event.id);
  return broadcast ? toEventBroadcastView(broadcast, publicBaseUrl, event.title) : null;
}
