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
