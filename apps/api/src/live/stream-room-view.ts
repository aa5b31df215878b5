import type { RoomView } from '@folkemote/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventActor } from '../participants/index.ts';
import { streamGrantOf } from '../participants/stream-grant.ts';
import { sseFrame } from '../realtime/sse-stream.ts';
import { isRemovable } from '../realtime/stream-refusal.ts';
import type { LiveContext } from './live-context.ts';
import { mediaServerOf, roomViewFor } from './room-view.ts';

/**
 * Server-sent events: a RoomView snapshot (`event: room`) now and after every change of the
 * room, wherever it was made (changes arrive through Redis pub/sub), on the server's SSE hub
 * (its heartbeat keeps proxies from dropping the connection, and a viewer too slow to read is
 * cut off and reconnects to a fresh snapshot). It ends when the right behind it is withdrawn;
 * the caller has already refused a cancelled event or someone removed from the room.
 */
export async function streamRoomView(
  ctx: LiveContext,
  request: FastifyRequest,
  reply: FastifyReply,
  eventId: string,
  actor: EventActor,
): Promise<void> {
  const { config, log } = ctx.deps;
  const mediaServer = mediaServerOf(config);
  const load = async () => roomViewFor(await ctx.rooms.read(eventId), mediaServer, actor);
  // One reload at a time; changes that arrive meanwhile are folded into one more. The first read
  // counts as one: it begins after the subscription, so no change can fall between the two.
  let loading = true;
  let again = false;
  let closed = false;
  const refresh = async () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      do {
        again = false;
        const view = await load();
        if (!closed) send(view);
      } while (again && !closed);
    } catch (err) {
      log.warn({ err, eventId }, 'room view could not be refreshed');
    } finally {
      loading = false;
    }
  };
  const stopListening = await ctx.changes.listen(eventId, () => void refresh());
  let first: RoomView;
  try {
    first = await load();
  } catch (err) {
    await stopListening();
    throw err;
  }

  let untrack = () => {};
  const stopCounting = actor.role === 'attendee' ? ctx.audience.track(eventId, actor.identity) : () => {};
  const stream = ctx.sse.open(request, reply, () => {
    closed = true;
    stopCounting();
    untrack();
    void stopListening();
  });
  let lastSent = '';
  const send = (view: RoomView) => {
    const data = JSON.stringify(view);
    if (data === lastSent) return;
    lastSent = data;
    stream.send(sseFrame(null, 'room', data));
  };
  send(first);
  // Ended when the right behind it goes: a removal from the room, a revoked link, a cancelled event …
  untrack = ctx.access.track({
    eventId,
    grant: streamGrantOf(actor, request),
    room: { identity: actor.identity, removable: isRemovable(actor) },
    close: () => stream.close(),
  });
  // A change heard while the first snapshot was read is not lost.
  loading = false;
  if (again && !closed) void refresh();
}
