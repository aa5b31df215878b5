import {
  roomIdentityBodySchema,
  roomJoinBodySchema,
  roomMuteBodySchema,
  roomStageBodySchema,
  security,
} from '@folkemote/contract';
import { canModerate, canRunRoom, type EventRole, eventRoles } from '@folkemote/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { sendError, sendValidationError } from '../http-errors.ts';
import { changeRoomStatus } from '../live/change-room-status.ts';
import { joinRoom } from '../live/join-room.ts';
import type { LiveContext, LiveFailure } from '../live/live-context.ts';
import { muteParticipantTrack } from '../live/mute-participant-track.ts';
import { removeRoomParticipant } from '../live/remove-room-participant.ts';
import { mediaServerOf, roomViewFor } from '../live/room-view.ts';
import { setParticipantStage } from '../live/set-participant-stage.ts';
import { setRaisedHand } from '../live/set-raised-hand.ts';
import { startRoomRecording } from '../live/start-room-recording.ts';
import { stopRoomRecording } from '../live/stop-room-recording.ts';
import { streamRoomView } from '../live/stream-room-view.ts';
import { type EventActor, requireEvent, requireEventActor, resolveJoinToken } from '../participants/index.ts';
import { streamRefusal } from '../realtime/stream-refusal.ts';

const runners = eventRoles.filter(canRunRoom);
const moderators = eventRoles.filter(canModerate);
const attendees: EventRole[] = ['attendee'];

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;
type Action<B> = (event: { id: string }, actor: EventActor, body: B) => Promise<{ ok: true } | LiveFailure>;

/**
 * The live room: joining (a LiveKit token for one's role), the room view (JSON or a
 * server-sent event stream), and what hosts, presenters, moderators and attendees may do in it.
 * Who is acting comes from the link token or the organiser session, never from the body.
 */
export function registerLiveRoomRoutes(app: FastifyInstance, ctx: LiveContext) {
  const { deps } = ctx;
  const mediaServer = mediaServerOf(deps.config);
  // Through the shared reader: a read that begins after the call, so an action's answer shows its change.
  const viewFor = async (eventId: string, actor: EventActor) =>
    roomViewFor(await ctx.rooms.read(eventId), mediaServer, actor);
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
  const fail = (reply: FastifyReply, failure: LiveFailure) =>
    sendError(reply, failure.status, failure.code, failure.message);

  function action<B>(roles: readonly EventRole[], schema: z.ZodType<B> | null, run: Action<B>) {
    return async (request: SlugRequest, reply: FastifyReply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug, roles);
      if (!found) return reply;
      let body = undefined as B;
      // Checked by the route's body schema: reading an invalid one throws the 400.
      if (schema) body = request.body as B;
      const result = await run(found.event, found.actor, body);
      if (!result.ok) return fail(reply, result);
      return noStore(reply).send(await viewFor(found.event.id, found.actor));
    };
  }

  app.post<{ Params: { slug: string } }>(
    '/api/events/:slug/join',
    {
      schema: {
        summary: 'A LiveKit join token for the room, by link token or session',
        tags: ['live room'],
        security: security.eventActor,
        body: roomJoinBodySchema,
      },
    },
    async (request, reply) => {
      const body = { data: request.body as z.output<typeof roomJoinBodySchema> };
      let found: { event: { id: string }; actor: EventActor } | null;
      if (body.data.joinToken !== undefined) {
        const event = await requireEvent(deps, reply, request.params.slug);
        if (!event) return reply;
        const resolved = await resolveJoinToken(deps, body.data.joinToken, event.id);
        if (!resolved.ok) return sendError(reply, resolved.status, resolved.code, resolved.message);
        found = { event, actor: resolved.actor };
      } else {
        found = await requireEventActor(deps, request, reply, request.params.slug);
        if (!found) return reply;
      }
      const joined = await joinRoom(ctx, found.event.id, found.actor);
      if (!joined.ok) return fail(reply, joined);
      const { ok: _ok, ...answer } = joined;
      return noStore(reply).send(answer);
    },
  );

  app.get<{ Params: { slug: string } }>('/api/events/:slug/room', async (request, reply) => {
    const found = await requireEventActor(deps, request, reply, request.params.slug);
    if (!found) return reply;
    if (request.headers.accept?.includes('text/event-stream')) {
      const refusal = await streamRefusal(deps.db, found.event.id, found.actor, 'room');
      if (refusal) return sendError(reply, refusal.status, refusal.code, refusal.message);
      return streamRoomView(ctx, request, reply, found.event.id, found.actor);
    }
    return noStore(reply).send(await viewFor(found.event.id, found.actor));
  });

  // Staff see how many attendees have the room open (a number only).
  app.get<{ Params: { slug: string } }>('/api/events/:slug/room/audience', async (request, reply) => {
    const found = await requireEventActor(deps, request, reply, request.params.slug, moderators);
    if (!found) return reply;
    return noStore(reply).send({ watching: await ctx.audience.count(found.event.id) });
  });

  const status = (to: 'open' | 'live' | 'end') =>
    action(runners, null, (event) => changeRoomStatus(ctx, event.id, to));
  app.post('/api/events/:slug/room/open', status('open'));
  app.post('/api/events/:slug/room/live', status('live'));
  app.post('/api/events/:slug/room/end', status('end'));
  app.post(
    '/api/events/:slug/room/recording/start',
    action(runners, null, (event) => startRoomRecording(ctx, event.id)),
  );
  app.post(
    '/api/events/:slug/room/recording/stop',
    action(runners, null, (event) => stopRoomRecording(ctx, event.id)),
  );

  app.post(
    '/api/events/:slug/room/stage',
    {
      schema: {
        summary: 'Bring a participant on or off the stage',
        tags: ['live room'],
        security: security.eventActor,
        body: roomStageBodySchema,
      },
    },
    action(moderators, roomStageBodySchema, (event, _actor, body) =>
      setParticipantStage(ctx, event.id, body),
    ),
  );
  app.post(
    '/api/events/:slug/room/remove',
    {
      schema: {
        summary: 'Remove a participant from the room',
        tags: ['live room'],
        security: security.eventActor,
        body: roomIdentityBodySchema,
      },
    },
    action(moderators, roomIdentityBodySchema, (event, actor, body) =>
      removeRoomParticipant(ctx, event.id, actor, body.identity),
    ),
  );
  app.post(
    '/api/events/:slug/room/mute',
    {
      schema: {
        summary: 'Mute a participant’s track',
        tags: ['live room'],
        security: security.eventActor,
        body: roomMuteBodySchema,
      },
    },
    action(moderators, roomMuteBodySchema, (event, _actor, body) =>
      muteParticipantTrack(ctx, event.id, body),
    ),
  );

  app.post(
    '/api/events/:slug/room/hand',
    action(attendees, null, (event, actor) => setRaisedHand(ctx, event.id, actor, true)),
  );
  app.delete(
    '/api/events/:slug/room/hand',
    action(attendees, null, (event, actor) => setRaisedHand(ctx, event.id, actor, false)),
  );
}
