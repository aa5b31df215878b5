import {
  errors,
  nonJson,
  roomAudienceSchema,
  roomIdentityBodySchema,
  roomJoinBodySchema,
  roomJoinSchema,
  roomMuteBodySchema,
  roomStageBodySchema,
  roomViewSchema,
  security,
  slugParams,
} from '@folkemote/contract';
import { canModerate, canRunRoom, type EventRole, eventRoles } from '@folkemote/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { sendError } from '../http-errors.ts';
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

const tags = ['live room'];
const actorErrors = {
  401: 'No, an unknown or a revoked link (or not signed in)',
  403: 'The link is for another event, the registration is not confirmed, or the role may not do this',
  404: 'No such event',
} as const;
const invalid = { 400: 'Invalid input; `fields` names each bad field' } as const;

/** A room action's schema: it answers the room view as it now stands, or one of `refusals`. */
function actionSchema(summary: string, refusals: Record<number, string>, body?: z.ZodType) {
  const meanings: Record<number, string> = { ...actorErrors, ...refusals };
  if (body) Object.assign(meanings, invalid);
  return {
    summary,
    tags,
    security: security.eventActor,
    params: slugParams,
    ...(body ? { body } : {}),
    response: {
      200: roomViewSchema,
      ...errors(meanings),
    },
  };
}

const roomViewRouteSchema = {
  summary: 'The room as the caller sees it (JSON, or a stream of it)',
  description:
    'JSON: the room view. With `Accept: text/event-stream`: the view again on every change, until the right behind it goes.',
  tags,
  security: security.eventActor,
  params: slugParams,
  response: {
    200: {
      description: 'The room view, or the stream of it',
      content: {
        'application/json': { schema: roomViewSchema },
        'text/event-stream': nonJson('text/event-stream', 'The room view on every change').content[
          'text/event-stream'
        ],
      },
    },
    ...errors({
      ...actorErrors,
      403: 'The link is for another event, the registration is not confirmed, the event is cancelled, or the person was removed from the room',
    }),
  },
};

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;
type Action<B> = (event: { id: string }, actor: EventActor, body: B) => Promise<{ ok: true } | LiveFailure>;

/**
 * The live room: joining (a LiveKit token for one's role), the room view (JSON or a
 * server-sent event stream), and what hosts, presenters, moderators and attendees may do in it.
 * Who is acting comes from the link token or the organiser session, never from the body.
 */
export function registerLiveRoomRoutes(app: FastifyInstance, ctx: LiveContext) {
  const kit = roomKit(ctx);
  registerJoin(app, ctx, kit);
  registerRoomView(app, ctx, kit);
  registerRoomSteering(app, ctx, kit);
  registerModeration(app, ctx, kit);
}

type RoomKit = ReturnType<typeof roomKit>;

/** Helpers shared by the room routes. */
function roomKit(ctx: LiveContext) {
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

  return { viewFor, noStore, fail, action };
}

/** POST …/join: a LiveKit token for the caller's role. */
function registerJoin(app: FastifyInstance, ctx: LiveContext, { noStore, fail }: RoomKit) {
  const { deps } = ctx;
  app.post<{ Params: { slug: string } }>(
    '/api/events/:slug/join',
    {
      schema: {
        summary: 'A LiveKit join token for the room, by link token or session',
        tags,
        security: security.eventActor,
        params: slugParams,
        body: roomJoinBodySchema,
        response: {
          200: roomJoinSchema,
          ...errors({
            ...invalid,
            ...actorErrors,
            403: 'The link is for another event, the registration is not confirmed, or the person was removed from the room',
            409: 'The event is cancelled, or the room is not open to this person yet',
          }),
        },
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
}

/** GET …/room (JSON or a stream) and GET …/room/audience. */
function registerRoomView(app: FastifyInstance, ctx: LiveContext, { viewFor, noStore }: RoomKit) {
  const { deps } = ctx;
  app.get<{ Params: { slug: string } }>(
    '/api/events/:slug/room',
    { schema: roomViewRouteSchema },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug);
      if (!found) return reply;
      if (request.headers.accept?.includes('text/event-stream')) {
        const refusal = await streamRefusal(deps.db, found.event.id, found.actor, 'room');
        if (refusal) return sendError(reply, refusal.status, refusal.code, refusal.message);
        return streamRoomView(ctx, request, reply, found.event.id, found.actor);
      }
      return noStore(reply).send(await viewFor(found.event.id, found.actor));
    },
  );

  // Staff see how many attendees have the room open (a number only).
  app.get<{ Params: { slug: string } }>(
    '/api/events/:slug/room/audience',
    {
      schema: {
        summary: 'How many attendees have the room open (staff)',
        tags,
        security: security.eventActor,
        params: slugParams,
        response: { 200: roomAudienceSchema, ...errors(actorErrors) },
      },
    },
    async (request, reply) => {
      const found = await requireEventActor(deps, request, reply, request.params.slug, moderators);
      if (!found) return reply;
      return noStore(reply).send({ watching: await ctx.audience.count(found.event.id) });
    },
  );
}

/** Opening, going live, ending and recording (hosts and presenters). */
function registerRoomSteering(app: FastifyInstance, ctx: LiveContext, { action }: RoomKit) {
  const status = (to: 'open' | 'live' | 'end', summary: string) => ({
    schema: actionSchema(summary, {
      409: 'The event is cancelled, or the room cannot go there from where it is',
    }),
    handler: action(runners, null, (event) => changeRoomStatus(ctx, event.id, to)),
  });
  const open = status('open', 'Open the backstage (hosts and presenters)');
  app.post('/api/events/:slug/room/open', { schema: open.schema }, open.handler);
  const live = status('live', 'Take the webinar live (hosts and presenters)');
  app.post('/api/events/:slug/room/live', { schema: live.schema }, live.handler);
  const end = status('end', 'End the webinar (hosts and presenters)');
  app.post('/api/events/:slug/room/end', { schema: end.schema }, end.handler);
  app.post(
    '/api/events/:slug/room/recording/start',
    {
      schema: actionSchema('Start recording the room', {
        409: 'The room is not open, has ended, or is being recorded already',
      }),
    },
    action(runners, null, (event) => startRoomRecording(ctx, event.id)),
  );
  app.post(
    '/api/events/:slug/room/recording/stop',
    {
      schema: actionSchema('Stop recording the room', {
        409: 'The room is not being recorded, or the recording is still starting',
      }),
    },
    action(runners, null, (event) => stopRoomRecording(ctx, event.id)),
  );
}

/** The stage, removing, muting (staff) and raised hands (attendees). */
function registerModeration(app: FastifyInstance, ctx: LiveContext, { action }: RoomKit) {
  app.post(
    '/api/events/:slug/room/stage',
    {
      schema: actionSchema(
        'Bring a participant on or off the stage',
        { 404: 'Nobody with that identity is in the room (or no such event)', 409: 'The room is not open' },
        roomStageBodySchema,
      ),
    },
    action(moderators, roomStageBodySchema, (event, _actor, body) =>
      setParticipantStage(ctx, event.id, body),
    ),
  );
  app.post(
    '/api/events/:slug/room/remove',
    {
      schema: actionSchema(
        'Remove a participant from the room',
        {
          403: 'The link is for another event, the role may not do this, or only a host can remove a host',
          404: 'Nobody with that identity is in the room (or no such event)',
          409: 'One cannot remove oneself',
        },
        roomIdentityBodySchema,
      ),
    },
    action(moderators, roomIdentityBodySchema, (event, actor, body) =>
      removeRoomParticipant(ctx, event.id, actor, body.identity),
    ),
  );
  app.post(
    '/api/events/:slug/room/mute',
    {
      schema: actionSchema(
        'Mute a participant’s track',
        {
          404: 'That person is not connected or has no such track (or no such event)',
          409: 'The room is not open',
        },
        roomMuteBodySchema,
      ),
    },
    action(moderators, roomMuteBodySchema, (event, _actor, body) =>
      muteParticipantTrack(ctx, event.id, body),
    ),
  );

  const handRefusals = {
    403: 'The link is for another event, the role may not do this, or the attendee was removed from the room',
    409: 'The webinar is not live',
  };
  app.post(
    '/api/events/:slug/room/hand',
    { schema: actionSchema('Raise one’s hand (attendees)', handRefusals) },
    action(attendees, null, (event, actor) => setRaisedHand(ctx, event.id, actor, true)),
  );
  app.delete(
    '/api/events/:slug/room/hand',
    { schema: actionSchema('Lower one’s hand (attendees)', handRefusals) },
    action(attendees, null, (event, actor) => setRaisedHand(ctx, event.id, actor, false)),
  );
}
