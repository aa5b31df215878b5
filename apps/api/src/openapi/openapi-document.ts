import { z } from 'zod';
import { requestBodies } from './openapi-examples.ts';
import { liveRoomOperations, liveRoomSchemas } from './openapi-live-room.ts';
import { body, error, idParam, type Json, json, ok, ref, slugParam } from './openapi-parts.ts';
import { pollOperations, pollSchemas } from './openapi-polls.ts';
import { questionOperations, questionSchemas } from './openapi-questions.ts';

const languageParam = {
  name: 'language',
  in: 'path',
  required: true,
  schema: { type: 'string', enum: ['nb', 'nn', 'en', 'se'] },
};
const organiserOnly = [{ sessionCookie: [], csrfToken: [] }, { apiToken: [] }];
/** A signed-in organiser's browser only: an API token is refused (403 `accounts_only`). */
const signedInOnly = [{ sessionCookie: [], csrfToken: [] }];
const organiserErrors = {
  401: error('Not signed in, or the API token is unknown or revoked'),
  403: error('The CSRF check failed (cookie sessions only)'),
};

interface Operation {
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Json[];
  requestBody?: Json;
  security?: Json[];
  responses: Record<string, Json>;
}

/** Every endpoint of the API under /api, by path (OpenAPI's `{param}` form) and method. */
export const operations: Record<string, Record<string, Operation>> = {
  '/api/health': {
    get: {
      summary: 'State of the database, Redis and S3',
      tags: ['system'],
      responses: { 200: ok('Everything answers'), 503: ok('Something is down; `down` names it') },
    },
  },
  '/api/site': {
    get: {
      summary: 'Where the public replay archive is',
      tags: ['public'],
      responses: { 200: ok('The archive URL') },
    },
  },
  '/api/events': {
    get: {
      summary: 'Published and cancelled events',
      tags: ['public'],
      responses: {
        200: ok('The events', {
          type: 'object',
          properties: { events: { type: 'array', items: ref('PublicEvent') } },
        }),
      },
    },
    post: {
      summary: 'Create an event (as a draft) in the organiser’s organisation',
      tags: ['organiser'],
      security: organiserOnly,
      requestBody: body('EventInput'),
      responses: {
        201: ok('The new event, with its slug', ref('OrganiserEvent')),
        400: error('Invalid input; `fields` names each bad field'),
        ...organiserErrors,
        409: error('The slug is used by another event'),
      },
    },
  },
  '/api/events/{slug}/calendar.ics': {
    get: {
      summary: "The event's calendar entry (iCalendar, METHOD:PUBLISH), without anyone's data",
      tags: ['public'],
      parameters: [slugParam],
      responses: {
        200: { description: 'text/calendar' },
        400: error('Not a slug'),
        404: error('No such event'),
      },
    },
  },
  '/api/events/{slug}': {
    get: {
      summary: 'One published or cancelled event',
      tags: ['public'],
      parameters: [slugParam],
      responses: {
        200: ok('The event', ref('PublicEvent')),
        400: error('Not a slug'),
        404: error('No such event'),
      },
    },
    patch: {
      summary: 'Change an event; registrants are told when time, place or title of a published event change',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [slugParam],
      requestBody: body('EventPatch'),
      responses: {
        200: ok('The event as saved', ref('OrganiserEvent')),
        400: error('Invalid input; `fields` names each bad field'),
        ...organiserErrors,
        404: error('No such event in the organisation'),
        409: error('The event is cancelled, or the new slug is taken'),
      },
    },
  },
  '/api/events/{slug}/publish': {
    post: {
      summary: 'Publish a draft',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [slugParam],
      responses: {
        200: ok('The published event', ref('OrganiserEvent')),
        ...organiserErrors,
        404: error('No such event in the organisation'),
        409: error('The event is cancelled'),
      },
    },
  },
  '/api/events/{slug}/cancel': {
    post: {
      summary: 'Cancel an event; registrants of a published one are told',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [slugParam],
      responses: {
        200: ok('The cancelled event', ref('OrganiserEvent')),
        ...organiserErrors,
        404: error('No such event in the organisation'),
      },
    },
  },
  '/api/events/{slug}/duplicate': {
    post: {
      summary: 'Copy an event into a new draft',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [slugParam],
      responses: {
        201: ok('The copy', ref('OrganiserEvent')),
        ...organiserErrors,
        404: error('No such event in the organisation'),
      },
    },
  },
  '/api/events/{slug}/registrations': {
    get: {
      summary: 'The registrations of an event, as JSON or as CSV for Excel',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [
        slugParam,
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] } },
        {
          name: 'lang',
          in: 'query',
          description: 'The language of the CSV (the organiser’s); the event’s without it',
          schema: { type: 'string', enum: ['nb', 'nn', 'en'] },
        },
      ],
      responses: {
        200: {
          description: 'The registrations and their counts',
          content: { ...json({ type: 'object' }), 'text/csv': { schema: { type: 'string' } } },
        },
        400: error('Unknown format or language'),
        ...organiserErrors,
        404: error('No such event in the organisation'),
      },
    },
    post: {
      summary: 'Register for an event',
      tags: ['public'],
      parameters: [slugParam],
      requestBody: body('RegistrationInput'),
      responses: {
        200: ok(
          'Registered before: the same registration; its link goes by e-mail only',
          ref('RegistrationCreated'),
        ),
        201: ok(
          'Registered (or a cancelled registration taken back, with a new link by e-mail only)',
          ref('RegistrationCreated'),
        ),
        400: error('Invalid input; `fields` names each bad field'),
        404: error('No such published event'),
        409: error('Registration is closed, or the event is full without a waiting list'),
        429: error('Too many registrations from this address'),
      },
    },
  },
  '/api/events/{slug}/attendance': {
    get: {
      summary:
        'Who of the registrants was in the live room (first joined, total minutes) with the counts of registered and attended, as JSON or as CSV for Excel; replay views are not counted',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [
        slugParam,
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] } },
        {
          name: 'lang',
          in: 'query',
          description: 'The language of the CSV (the organiser’s); the event’s without it',
          schema: { type: 'string', enum: ['nb', 'nn', 'en'] },
        },
      ],
      responses: {
        200: {
          description: 'The attendance per registrant and the counts',
          content: { ...json({ type: 'object' }), 'text/csv': { schema: { type: 'string' } } },
        },
        400: error('Unknown format or language'),
        ...organiserErrors,
        404: error('No such event in the organisation'),
      },
    },
  },
  '/api/events/{slug}/registrations/{id}/check-in': {
    put: {
      summary: 'Tick a confirmed registrant off at the door, or take the tick back',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [slugParam, idParam],
      requestBody: body('CheckIn'),
      responses: {
        200: ok('The registration'),
        400: error('Invalid input; `fields` names each bad field'),
        ...organiserErrors,
        404: error('No such event in the organisation, or no confirmed registration with that id'),
      },
    },
  },
  '/api/events/{slug}/messages': {
    post: {
      summary: 'Send a message to everyone registered',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [slugParam],
      requestBody: body('EventMessageInput'),
      responses: {
        202: ok('The message is on its way'),
        400: error('Invalid input; `fields` names each bad field'),
        ...organiserErrors,
        404: error('No such event in the organisation'),
      },
    },
  },
  '/api/registrations/me': {
    get: {
      summary: 'A registrant’s own registration (personal link token as Bearer)',
      tags: ['registrant'],
      security: [{ personalLink: [] }],
      responses: {
        200: ok('The registration and its event'),
        401: error('No or unknown personal link'),
        404: error('Gone'),
      },
    },
    delete: {
      summary: 'Delete one’s own registration data',
      description:
        'Cancels the registration, then deletes it with its e-mails and the questions it asked that were not ' +
        'answered in public (live viewers get a `remove` of kind `deleted`). Questions answered in public stay, ' +
        'without the asker and without the text as asked. The event’s counts keep it as one cancellation.',
      tags: ['registrant'],
      security: [{ personalLink: [] }],
      responses: { 200: ok('Deleted'), 401: error('No or unknown personal link'), 404: error('Gone') },
    },
  },
  '/api/registrations/me/cancel': {
    post: {
      summary: 'Cancel one’s own registration; the seat goes to the first on the waiting list',
      tags: ['registrant'],
      security: [{ personalLink: [] }],
      responses: {
        200: ok('The cancelled registration'),
        401: error('No or unknown personal link'),
        404: error('Gone'),
      },
    },
  },
  '/api/organiser/events': {
    get: {
      summary: 'Every event of the organiser’s organisation, drafts included',
      tags: ['organiser'],
      security: organiserOnly,
      responses: {
        200: ok('The events', {
          type: 'object',
          properties: { events: { type: 'array', items: ref('OrganiserEvent') } },
        }),
        ...organiserErrors,
      },
    },
  },
  '/api/organiser/events/{slug}': {
    get: {
      summary: 'One event of the organisation, in any status',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [slugParam],
      responses: {
        200: ok('The event', ref('OrganiserEvent')),
        ...organiserErrors,
        404: error('No such event in the organisation'),
      },
    },
  },
  '/api/organiser/events/{slug}/staff': {
    get: {
      summary: 'The host, presenter and moderator links of an event (without their tokens)',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [slugParam],
      responses: {
        200: ok('The links', { type: 'object' }),
        ...organiserErrors,
        404: error('No such event'),
      },
    },
    post: {
      summary: 'Invite a host, presenter or moderator: the link is in the answer, once',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [slugParam],
      requestBody: body('StaffInvite'),
      responses: {
        201: ok('The link, with `joinUrl` holding its token in the fragment'),
        400: error('Invalid input, by field'),
        ...organiserErrors,
        404: error('No such event'),
      },
    },
  },
  '/api/organiser/events/{slug}/staff/{id}': {
    delete: {
      summary: 'Revoke a staff link',
      tags: ['organiser'],
      security: organiserOnly,
      parameters: [slugParam, idParam],
      responses: { 204: { description: 'Revoked' }, ...organiserErrors, 404: error('No such active link') },
    },
  },
  '/api/organiser/api-tokens': {
    get: {
      summary: 'The organisation’s API tokens (without the tokens themselves); signed-in organisers only',
      tags: ['organiser'],
      security: signedInOnly,
      responses: {
        200: ok('`tokens`: id, name, createdAt, lastUsedAt, revokedAt', { type: 'object' }),
        ...organiserErrors,
        403: error('The CSRF check failed, or an API token asked (`accounts_only`)'),
      },
    },
    post: {
      summary: 'Make an API token for the organisation: the token is in the answer, once',
      tags: ['organiser'],
      security: signedInOnly,
      requestBody: body('ApiTokenInput'),
      responses: {
        201: ok('The token’s id, name and dates, and `token` (send it as `Authorization: Bearer`)'),
        400: error('Invalid input, by field'),
        ...organiserErrors,
        403: error('The CSRF check failed, or an API token asked (`accounts_only`)'),
      },
    },
  },
  '/api/organiser/api-tokens/{id}': {
    delete: {
      summary: 'Revoke an API token; the streams opened with it end at once',
      tags: ['organiser'],
      security: signedInOnly,
      parameters: [idParam],
      responses: {
        204: { description: 'Revoked' },
        ...organiserErrors,
        403: error('The CSRF check failed, or an API token asked (`accounts_only`)'),
        404: error('No such active token in the organisation'),
      },
    },
  },
  '/api/auth/options': {
    get: {
      summary: 'Which sign-in methods are on',
      tags: ['auth'],
      responses: { 200: ok('password and oidc flags') },
    },
  },
  '/api/auth/login': {
    post: {
      summary: 'Sign in with e-mail and password; sets the HttpOnly session cookie',
      tags: ['auth'],
      requestBody: body('LoginInput'),
      responses: {
        200: ok('Signed in; the body carries the CSRF token', ref('Session')),
        400: error('Invalid input'),
        401: error('Wrong e-mail address or password'),
        403: error('Posted from another site'),
        429: error('Too many sign-ins for the account or the address; see Retry-After'),
        503: error('Too many sign-ins being checked at once on this server; see Retry-After'),
      },
    },
  },
  '/api/auth/password-reset/request': {
    post: {
      summary:
        'Ask for a password reset link by e-mail; the same answer whether or not the address has a local account',
      tags: ['auth'],
      requestBody: body('PasswordResetRequestInput'),
      responses: {
        202: ok('Taken: a link goes out if the address has a local account with a password'),
        400: error('Invalid input'),
        403: error('Posted from another site'),
        429: error('Too many links asked for the address or from the network address; see Retry-After'),
      },
    },
  },
  '/api/auth/password-reset': {
    post: {
      summary: 'Set a new password with a reset link (once, within an hour); ends the account’s sessions',
      tags: ['auth'],
      requestBody: body('PasswordResetInput'),
      responses: {
        204: { description: 'The password is set; nobody is signed in' },
        400: error('Invalid input, or the link is used, expired or unknown (`reset_link_invalid`)'),
        403: error('Posted from another site'),
      },
    },
  },
  '/api/auth/session': {
    get: {
      summary: 'The signed-in organiser and the session’s CSRF token',
      tags: ['auth'],
      security: [{ sessionCookie: [] }],
      responses: { 200: ok('Signed in', ref('Session')), 401: error('Not signed in') },
    },
  },
  '/api/auth/logout': {
    post: {
      summary: 'Sign out',
      tags: ['auth'],
      security: [{ sessionCookie: [], csrfToken: [] }],
      responses: { 204: { description: 'Signed out; the cookie is cleared' }, ...organiserErrors },
    },
  },
  '/api/auth/oidc/start': {
    get: {
      summary: 'Start sign-in at the configured OpenID Connect provider',
      tags: ['auth'],
      parameters: [{ name: 'next', in: 'query', schema: { type: 'string' } }],
      responses: {
        302: {
          description:
            'To the provider; sets a signed, HttpOnly, SameSite=Lax cookie (ten minutes) that ties the sign-in to this browser',
        },
        404: error('No provider configured'),
        502: error('Provider unreachable'),
      },
    },
  },
  '/api/auth/oidc/callback': {
    get: {
      summary: 'Where the provider sends the browser back',
      tags: ['auth'],
      responses: {
        302: {
          description:
            'Signed in (to `next`) or back to the sign-in page with an error (`other_browser` when the sign-in was started in another browser); clears the binding cookie',
        },
        404: error('No provider configured'),
      },
    },
  },
  '/api/dev/outbox': {
    get: {
      summary: 'E-mail kept locally when no SMTP server is configured',
      tags: ['organiser'],
      security: organiserOnly,
      responses: { 200: ok('The latest e-mails'), ...organiserErrors, 404: error('Mail goes over SMTP') },
    },
  },
  '/api/recordings': {
    get: {
      summary:
        'Recordings: for anyone, the published replays with what their pages show; for an organiser, ' +
        'the organisation’s recordings in every state, with progress and failures',
      tags: ['recordings'],
      responses: {
        200: ok('The recordings'),
        401: error('Credentials were sent that do not hold (an unknown or revoked token, an ended session)'),
      },
    },
    post: {
      summary: 'Upload a recording (the file is the body) and start processing',
      tags: ['recordings'],
      security: organiserOnly,
      parameters: [
        {
          name: 'title',
          in: 'query',
          required: true,
          schema: { type: 'string', minLength: 3, maxLength: 200 },
        },
        { name: 'event', in: 'query', schema: { type: 'string' } },
        {
          name: 'organisation',
          in: 'query',
          description:
            'The organisation the caller means to upload for (slug); another than theirs is refused',
          schema: { type: 'string' },
        },
        {
          name: 'filename',
          in: 'query',
          description:
            'The name the file had. What the file is comes from its content alone: MP4, MOV, M4A, MKV, WebM, MPEG-TS, Ogg, WAV, MP3, AAC or FLAC; a playlist, manifest or list fails',
          schema: { type: 'string', pattern: '^[\\w.\\- ]{1,200}$' },
        },
      ],
      requestBody: {
        required: true,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      responses: {
        202: ok('Accepted; processing starts'),
        400: error('Invalid query, or an empty body'),
        ...organiserErrors,
        403: error('The CSRF check failed, or the organisation named is not the caller’s'),
        404: error('No such event in the organisation'),
        413: error('Larger than 50 GB'),
        415: error('Not a media upload'),
      },
    },
  },
  '/api/recordings/{id}': {
    get: {
      summary:
        'One recording: in full for its organisation’s organisers, as its replay page shows it for anyone else',
      tags: ['recordings'],
      parameters: [idParam],
      responses: {
        200: ok('The recording'),
        400: error('Not a UUID'),
        401: error('Credentials were sent that do not hold'),
        404: error('No such recording, or not published and not the caller’s'),
      },
    },
  },
  '/api/recordings/{id}/retry': {
    post: {
      summary: 'Process a failed recording again',
      tags: ['recordings'],
      security: organiserOnly,
      parameters: [idParam],
      responses: {
        202: ok('Retrying'),
        400: error('Not a UUID'),
        ...organiserErrors,
        404: error('No such recording in the organisation'),
        409: error('The recording has not failed'),
      },
    },
  },
  '/api/recordings/{id}/captions': {
    get: {
      summary: 'The caption tracks of a recording, with their public URLs (seen as the recording is)',
      tags: ['recordings'],
      parameters: [idParam],
      responses: {
        200: ok('The captions'),
        400: error('Not a UUID'),
        401: error('Credentials were sent that do not hold'),
        404: error('No such recording, or not published and not the caller’s'),
      },
    },
  },
  '/api/recordings/{id}/captions/{language}': {
    put: {
      summary: 'Add or replace the captions in one language (nb, nn, en, se), as WebVTT or SubRip',
      tags: ['recordings'],
      security: organiserOnly,
      parameters: [idParam, languageParam],
      requestBody: {
        required: true,
        content: {
          'text/vtt': { schema: { type: 'string' } },
          'application/x-subrip': { schema: { type: 'string' } },
        },
      },
      responses: {
        200: ok('Published; the replay page offers the track within a minute'),
        400: error('Broken captions (with the line), not UTF-8, or an unknown language'),
        ...organiserErrors,
        404: error('No such recording in the organisation'),
        413: error('Larger than 2 MB'),
        415: error('Not WebVTT or SubRip'),
      },
    },
    delete: {
      summary: 'Remove the captions in one language',
      tags: ['recordings'],
      security: organiserOnly,
      parameters: [idParam, languageParam],
      responses: { 204: { description: 'Removed' }, ...organiserErrors, 404: error('No such captions') },
    },
  },
};

const eventProperties = {
  id: { type: 'string', format: 'uuid' },
  slug: { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string', description: 'Markdown as the organiser wrote it' },
  startsAt: { type: 'string', format: 'date-time' },
  endsAt: { type: 'string', format: 'date-time' },
  language: { type: 'string', enum: ['nb', 'nn', 'en'] },
  organisation: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } },
  contact: { type: 'object' },
  status: { type: 'string', enum: ['draft', 'published', 'cancelled'] },
  mode: { type: 'string', enum: ['online', 'onsite', 'hybrid'] },
  address: { type: ['string', 'null'] },
  registrationOpensAt: { type: ['string', 'null'], format: 'date-time' },
  registrationClosesAt: { type: ['string', 'null'], format: 'date-time' },
  capacity: { type: ['integer', 'null'] },
  roomCapacity: {
    type: ['integer', 'null'],
    description: "A hybrid event's seats in the room (in-person only)",
  },
  waitlistEnabled: { type: 'boolean' },
  recorded: { type: 'boolean' },
  retentionDays: { type: 'integer' },
  customQuestions: { type: 'array' },
  cancelledAt: { type: ['string', 'null'], format: 'date-time' },
  seatsLeft: { type: ['integer', 'null'] },
  roomSeatsLeft: { type: ['integer', 'null'] },
  registrationState: { type: 'string' },
};

/** The OpenAPI 3.1 document served at /api/openapi.json; request bodies come from the routes' zod schemas. */
export function buildOpenApiDocument(serverUrl: string): Json {
  const bodySchemas = Object.fromEntries(
    Object.entries(requestBodies).map(([name, { schema }]) => {
      const { $schema: _draft, ...jsonSchema } = z.toJSONSchema(schema, {
        io: 'input',
        unrepresentable: 'any',
      });
      return [name, jsonSchema];
    }),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Folkemøte API',
      version: '1',
      description:
        'Webinars for counties and municipalities: events, registration and recordings. Organiser endpoints take ' +
        'either the browser session (cookie plus the x-csrf-token header on changes) or an API token as ' +
        '`Authorization: Bearer <token>` (`pnpm cli tokens create`). Errors are `{ error: { code, message, fields?, params? } }`.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      ...Object.fromEntries(Object.entries(operations)),
      ...questionOperations,
      ...pollOperations,
      ...liveRoomOperations,
      '/api/openapi.json': {
        get: { summary: 'This document', tags: ['system'], responses: { 200: ok('OpenAPI 3.1') } },
      },
    },
    components: {
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token of the organisation' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'folkemote_session' },
        csrfToken: {
          type: 'apiKey',
          in: 'header',
          name: 'x-csrf-token',
          description: 'From GET /api/auth/session; needed with the cookie on POST, PATCH and DELETE',
        },
        personalLink: {
          type: 'http',
          scheme: 'bearer',
          description: 'The token of a registrant’s personal link',
        },
      },
      schemas: {
        ...bodySchemas,
        ...questionSchemas,
        ...pollSchemas,
        ...liveRoomSchemas,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                fields: {
                  type: 'object',
                  additionalProperties: { type: 'array', items: { type: 'string' } },
                },
                params: {
                  type: 'object',
                  description:
                    'The specifics of the error for a client to say in its own language, e.g. `{ "code": "bad_timing_line", "line": 12 }` for invalid_captions',
                  additionalProperties: { type: ['string', 'number'] },
                },
              },
            },
          },
        },
        PublicEvent: {
          type: 'object',
          properties: {
            ...eventProperties,
            descriptionHtml: { type: 'string', description: 'The description rendered to sanitised HTML' },
            descriptionText: { type: 'string', description: 'The description as plain text' },
            hasEnded: { type: 'boolean', description: 'Whether the event has taken place' },
            replayUrl: { type: ['string', 'null'], description: 'Its public replay page, once published' },
          },
        },
        OrganiserEvent: {
          type: 'object',
          properties: {
            ...eventProperties,
            descriptionHtml: { type: 'string', description: 'The description rendered to sanitised HTML' },
            counts: {
              type: 'object',
              properties: {
                confirmed: { type: 'integer' },
                waitlisted: { type: 'integer' },
                cancelled: { type: 'integer' },
              },
            },
          },
        },
        RegistrationCreated: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            status: { type: 'string', enum: ['confirmed', 'waitlisted'] },
            joinUrl: {
              type: ['string', 'null'],
              description:
                'The personal link, only for a registration this request created; otherwise null, and the link goes to the address by e-mail',
            },
            alreadyRegistered: { type: 'boolean' },
          },
        },
        Session: {
          type: 'object',
          properties: {
            account: { type: 'object' },
            organisation: { type: 'object' },
            csrfToken: { type: 'string' },
            expiresAt: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
  };
}
