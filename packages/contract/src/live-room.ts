import { broadcastStatuses, eventRoles, roomStatuses } from '@folkemote/domain';
import { z } from 'zod';

const identitySchema = z
  .string('must be a participant identity')
  .regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a participant identity as the room view shows it');

/** Only the link token counts: a role, identity or name sent along is ignored, never trusted. */
export const roomJoinBodySchema = z
  .object({
    joinToken: z
      .string('must be the token of your personal or staff link')
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .optional(),
  })
  .meta({
    id: 'RoomJoin',
    examples: [{ joinToken: 'fmp_Qm9va2luZ3MgYXJlIGZ1biwgdG9rZW5zIGFyZSBzZWNyZXQ' }],
  });
export const roomStageBodySchema = z
  .object({ identity: identitySchema, onStage: z.boolean('must be true or false') })
  .meta({
    id: 'RoomStage',
    examples: [{ identity: 'reg_6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21', onStage: true }],
  });
export const roomIdentityBodySchema = z
  .object({ identity: identitySchema })
  .meta({ id: 'RoomIdentity', examples: [{ identity: 'reg_6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21' }] });
export const roomMuteBodySchema = z
  .object({
    identity: identitySchema,
    trackSid: z
      .string('must be a track sid')
      .regex(/^TR_[A-Za-z0-9]{1,100}$/, 'must be a track sid as LiveKit gives it (TR_…)'),
  })
  .meta({
    id: 'RoomMute',
    examples: [{ identity: 'staff_0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b', trackSid: 'TR_AMkSbZ7Dq2vTxN' }],
  });

const role = z.enum(eventRoles);
const mediaServer = z.enum(['livekit', 'stand-in']).meta({
  description: 'A real LiveKit server, or the local stand-in of its server API (no audio or video)',
});

/** The live room as one person sees it (GET …/room, and every room action's answer). */
export const roomViewSchema = z
  .object({
    status: z.enum(roomStatuses),
    mediaServer,
    recording: z.object({
      active: z.boolean(),
      startedAt: z.string().nullable(),
      error: z.string().nullable().meta({ description: 'Why the latest recording ended without a file' }),
    }),
    liveAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    replayExpectedBy: z.string().nullable(),
    broadcast: z.enum(broadcastStatuses).nullable().meta({
      description: 'For those who run the room: the broadcast on the public site (live = on the website now)',
    }),
    me: z.object({
      role,
      identity: z.string(),
      displayName: z.string(),
      handRaised: z.boolean(),
      onStage: z.boolean(),
    }),
    hands: z
      .array(z.object({ identity: z.string(), displayName: z.string(), raisedAt: z.string() }))
      .meta({ description: 'Raised hands, first raised first; filled for staff only' }),
    stage: z.array(z.object({ identity: z.string(), displayName: z.string(), role })),
  })
  .meta({ id: 'RoomView' });
export type RoomView = z.output<typeof roomViewSchema>;

/** What POST …/join answers: enough for livekit-client to connect. */
export const roomJoinSchema = z
  .object({
    serverUrl: z.string(),
    token: z.string(),
    role,
    identity: z.string(),
    displayName: z.string(),
    mediaServer,
  })
  .meta({ id: 'RoomJoinGrant' });
export type RoomJoin = z.output<typeof roomJoinSchema>;
export type RoomStatus = RoomView['status'];
export type MediaServer = RoomView['mediaServer'];

/** How many attendees have the room open. */
export const roomAudienceSchema = z.object({ watching: z.number().int() }).meta({ id: 'RoomAudience' });

/** What POST /api/webhooks/livekit answers. */
export const liveKitWebhookReceivedSchema = z
  .object({ received: z.literal(true), repeated: z.boolean() })
  .meta({ id: 'LiveKitWebhookReceived' });
