import { body, error, eventActor, type Json, json, ok, ref, slugParam } from './openapi-parts.ts';

const actorErrors = {
  401: error('No, an unknown or a revoked link (or not signed in)'),
  403: error('The link is for another event, the registration is not confirmed, or the role may not do this'),
  404: error('No such event'),
};
const roomView = ok('The room as the caller now sees it', ref('RoomView'));
const liveKitDown = { 502: error('The LiveKit server did not answer; nothing was changed') };

function roomAction(summary: string, conflicts: string, extra: Json = {}): Record<string, Json> {
  const operation = {
    summary,
    tags: ['live room'],
    security: eventActor,
    parameters: [slugParam],
    ...extra,
    responses: { 200: roomView, ...actorErrors, 409: error(conflicts), ...liveKitDown },
  };
  return { post: operation };
}

/** The live room: joining, the room view and stream, the host's and moderators' controls, and LiveKit's webhook. */
export const liveRoomOperations: Record<string, Record<string, Json>> = {
  '/api/events/{slug}/join': {
    post: {
      summary: 'A LiveKit access token for the room, in the role the link gives',
      description:
        'Send the personal or staff link token as `joinToken`; without it, the organiser session or an API token ' +
        'acts as host. The role comes from the link alone: anything else in the body is ignored. Attendees get a ' +
        'token while the room is live, staff once the backstage is open. The token is short-lived ' +
        '(LIVEKIT_TOKEN_TTL_S); the connection outlives it.',
      tags: ['live room'],
      security: [{}, ...eventActor],
      parameters: [slugParam],
      requestBody: body('RoomJoinInput'),
      responses: {
        200: ok('Connect to `serverUrl` with `token`', ref('RoomJoin')),
        400: error('Invalid input; `fields` names each bad field'),
        ...actorErrors,
        409: error('`room_not_open`, `room_not_live` (attendees before the start) or `room_ended`'),
      },
    },
  },
  '/api/events/{slug}/room': {
    get: {
      summary: 'The live room as the caller sees it, or a stream of it',
      description:
        'With `Accept: text/event-stream`: a server-sent `event: room` with the whole RoomView now and after every ' +
        'change (from any server instance), and a comment line every 15 s. The stream ends when the right behind it ' +
        'goes (a revoked link, a cancelled or deleted registration, a removal from the room, a cancelled event, a ' +
        'sign-out); reconnecting then gets the refusal. A stream is refused (403) with `removed_from_room` to someone ' +
        'removed from the room (hosts excepted) and with `event_cancelled` for a cancelled event.',
      tags: ['live room'],
      security: eventActor,
      parameters: [slugParam],
      responses: {
        200: {
          description: 'The room',
          content: { ...json(ref('RoomView')), 'text/event-stream': { schema: { type: 'string' } } },
        },
        ...actorErrors,
      },
    },
  },
  '/api/events/{slug}/room/audience': {
    get: {
      summary: 'How many attendees have the room open (hosts, presenters, moderators)',
      description: 'Counted from the room streams on every API instance; a number only, never who.',
      tags: ['live room'],
      security: eventActor,
      parameters: [slugParam],
      responses: {
        200: ok('`{watching}`', { type: 'object', properties: { watching: { type: 'integer' } } }),
        ...actorErrors,
        404: error('No such event'),
      },
    },
  },
  '/api/events/{slug}/room/open': roomAction(
    'Open the backstage: the LiveKit room is created (host, presenter)',
    '`room_ended`',
  ),
  '/api/events/{slug}/room/live': roomAction(
    'Go live: attendees may join (host, presenter)',
    '`room_not_open` or `room_ended`',
  ),
  '/api/events/{slug}/room/end': roomAction(
    'End the webinar: the recording stops and the LiveKit room closes for everyone (host, presenter)',
    '`room_not_open`',
  ),
  '/api/events/{slug}/room/recording/start': roomAction(
    'Record the room: a 1080p speaker-layout composite, written as MP4 to the raw bucket (host, presenter)',
    '`recording_active` (one recording at a time), `room_not_open` or `room_ended`',
  ),
  '/api/events/{slug}/room/recording/stop': roomAction(
    'Stop the recording; the file becomes a recording when LiveKit reports it complete (host, presenter)',
    '`no_active_recording` or `recording_starting`',
  ),
  '/api/events/{slug}/room/stage': roomAction(
    'Bring someone on stage (they may publish) or back to the audience (host, presenter, moderator)',
    '`room_not_open` or `room_ended`; 404 when nobody has that identity',
    { requestBody: body('RoomStageInput') },
  ),
  '/api/events/{slug}/room/remove': roomAction(
    'Remove someone from the room; they get no new token (host, presenter, moderator)',
    '`cannot_remove_yourself`; 404 when nobody has that identity',
    { requestBody: body('RoomIdentityInput') },
  ),
  '/api/events/{slug}/room/mute': roomAction(
    'Mute one of someone’s published tracks (host, presenter, moderator)',
    '`room_not_open` or `room_ended`; 404 when the person or track is not connected',
    { requestBody: body('RoomMuteInput') },
  ),
  '/api/events/{slug}/room/hand': {
    post: roomAction('Raise one’s hand (attendees)', '`room_not_live`').post!,
    delete: roomAction('Lower one’s hand (attendees)', '`room_not_live`').post!,
  },
  '/api/webhooks/livekit': {
    post: {
      summary: 'LiveKit’s webhook (egress and participant events)',
      description:
        'Signed by LiveKit: `Authorization` is a JWT (no `Bearer `) whose `sha256` claim covers the exact body. ' +
        'Forged, altered, expired or Bearer-prefixed requests get 401 and change nothing; an event id already ' +
        'processed is acknowledged and ignored.',
      tags: ['live room'],
      requestBody: {
        required: true,
        content: { 'application/webhook+json': { schema: { type: 'object' } } },
      },
      responses: {
        200: ok('Received', {
          type: 'object',
          properties: { received: { type: 'boolean' }, repeated: { type: 'boolean' } },
        }),
        400: error('The event has no id'),
        401: error('The signature does not hold'),
        415: error('Not application/webhook+json'),
      },
    },
  },
};

const nullableTime = { type: ['string', 'null'], format: 'date-time' };
const role = { type: 'string', enum: ['host', 'presenter', 'moderator', 'attendee'] };

export const liveRoomSchemas: Record<string, Json> = {
  RoomJoin: {
    type: 'object',
    required: ['serverUrl', 'token', 'role', 'identity', 'displayName', 'mediaServer'],
    properties: {
      serverUrl: { type: 'string', description: 'The LiveKit WebSocket URL' },
      token: { type: 'string', description: 'LiveKit access token (JWT)' },
      role,
      identity: { type: 'string', description: '`reg_…`, `staff_…` or `org_…`' },
      displayName: { type: 'string' },
      mediaServer: {
        type: 'string',
        enum: ['livekit', 'stand-in'],
        description:
          '`stand-in`: the local stand-in of LiveKit’s server API, which carries no audio or video',
      },
    },
  },
  RoomView: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['not_open', 'backstage', 'live', 'ended'] },
      mediaServer: { type: 'string', enum: ['livekit', 'stand-in'] },
      recording: {
        type: 'object',
        properties: {
          active: { type: 'boolean' },
          startedAt: nullableTime,
          error: { type: ['string', 'null'], description: 'Why the latest recording ended without a file' },
        },
      },
      liveAt: nullableTime,
      endedAt: nullableTime,
      replayExpectedBy: nullableTime,
      me: {
        type: 'object',
        properties: {
          role,
          identity: { type: 'string' },
          displayName: { type: 'string' },
          handRaised: { type: 'boolean' },
          onStage: { type: 'boolean' },
        },
      },
      hands: {
        type: 'array',
        description: 'Raised hands, first raised first; empty for attendees',
        items: {
          type: 'object',
          properties: {
            identity: { type: 'string' },
            displayName: { type: 'string' },
            raisedAt: { type: 'string', format: 'date-time' },
          },
        },
      },
      stage: {
        type: 'array',
        items: {
          type: 'object',
          properties: { identity: { type: 'string' }, displayName: { type: 'string' }, role },
        },
      },
    },
  },
};
