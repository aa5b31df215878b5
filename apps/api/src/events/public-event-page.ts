import {
  type EventWithRegistration,
  findBroadcastIdsByEvent,
  findEventsWithEndedRoom,
  findPublicReplayIdsByEvent,
  type Queryable,
} from '@folkemote/db';
import { describeAsText, renderDescription } from '@folkemote/description';
import type { PublicEventPage, PublicEventView } from '@folkemote/domain';
import { siteUrls } from '@folkemote/site';

/** Drops what only the registration path needs (revision, confirmed count) from a stored event. */
export function toPublicView({
  revision: _revision,
  confirmed: _confirmed,
  roomTaken: _roomTaken,
  ...view
}:
  | EventWithRegistration
  | (PublicEventView & { revision?: number; confirmed?: number; roomTaken?: number })): PublicEventView {
  return view;
}

/**
 * Public events as their pages show them: the description rendered by the one shared renderer
 * (HTML and plain text), whether each has taken place at `now`, its published replay, and a
 * broadcast event's page on the public site.
 * An event has taken place once its planned end has passed or its live room has ended; from then
 * on its page offers neither the form nor the waiting list.
 */
export async function toPublicEventPages(
  db: Queryable,
  publicBaseUrl: string,
  events: Array<EventWithRegistration | PublicEventView>,
  now = new Date(),
): Promise<PublicEventPage[]> {
  const ids = events.map((e) => e.id);
  const [replays, endedRooms, broadcasts] = await Promise.all([
    findPublicReplayIdsByEvent(db, ids),
    findEventsWithEndedRoom(db, ids),
    findBroadcastIdsByEvent(db, ids),
  ]);
  return events.map((event) => {
    const replayId = replays.get(event.id);
    const broadcastId = broadcasts.get(event.id);
    const view = toPublicView(event);
    const hasEnded = now >= new Date(event.endsAt) || endedRooms.has(event.id);
    const stillOffered = ['open', 'waitlist', 'full'].includes(view.registrationState);
    return {
      ...view,
      registrationState: hasEnded && stillOffered ? 'closed' : view.registrationState,
      descriptionHtml: renderDescription(event.description),
      descriptionText: describeAsText(event.description),
      hasEnded,
      replayUrl: replayId ? siteUrls.replay(publicBaseUrl, replayId) : null,
      broadcastUrl: broadcastId ? siteUrls.replay(publicBaseUrl, broadcastId) : null,
    };
  });
}

export async function toPublicEventPage(
  db: Queryable,
  publicBaseUrl: string,
  event: EventWithRegistration | PublicEventView,
): Promise<PublicEventPage> {
  const [page] = await toPublicEventPages(db, publicBaseUrl, [event]);
  return page!;
}
