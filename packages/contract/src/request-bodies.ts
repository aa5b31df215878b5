import type { z } from 'zod';
import { apiTokenInputSchema } from './api-tokens.ts';
import { loginBodySchema, passwordResetRequestSchema, passwordResetSchema } from './auth.ts';
import { audioDescriptionBodySchema, saveCuesBodySchema } from './caption-editor.ts';
import { eventInputBody, eventMessageBody, eventPatchBody } from './events.ts';
import {
  roomIdentityBodySchema,
  roomJoinBodySchema,
  roomMuteBodySchema,
  roomStageBodySchema,
} from './live-room.ts';
import { pollAnswerBody, pollInputBody, pollPatchBody } from './polls.ts';
import {
  chaptersPublishBody,
  qaSettingsPatchBody,
  questionBulkBody,
  questionInputBody,
  questionMergeBody,
  questionPatchBody,
} from './questions.ts';
import { recordingTrimBody } from './recording-trim.ts';
import { partUrlsInputSchema, recordingUploadInputSchema } from './recording-uploads.ts';
import {
  eventAutoPublishBodySchema,
  recordingChaptersBodySchema,
  recordingRenameBodySchema,
} from './recordings.ts';
import { checkInBody, registrationInputBody } from './registrations.ts';
import { staffInviteBody } from './staff.ts';

const bodies: z.ZodType[] = [
  staffInviteBody,
  checkInBody,
  apiTokenInputSchema,
  eventInputBody,
  eventPatchBody,
  loginBodySchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  registrationInputBody,
  eventMessageBody,
  questionInputBody,
  questionPatchBody,
  questionMergeBody,
  questionBulkBody,
  qaSettingsPatchBody,
  pollInputBody,
  pollPatchBody,
  pollAnswerBody,
  chaptersPublishBody,
  roomJoinBodySchema,
  roomStageBodySchema,
  roomIdentityBodySchema,
  roomMuteBodySchema,
  recordingTrimBody,
  recordingUploadInputSchema,
  partUrlsInputSchema,
  saveCuesBodySchema,
  audioDescriptionBodySchema,
  recordingRenameBodySchema,
  eventAutoPublishBodySchema,
  recordingChaptersBodySchema,
];

/**
 * Every request body the API takes, by its name in the OpenAPI document (the schema's id and
 * `Input`), with the example the document shows; a test parses each example with its schema.
 */
export const requestBodies: Record<string, { schema: z.ZodType; example: unknown }> = Object.fromEntries(
  bodies.map((schema) => {
    const meta = schema.meta() as { id: string; examples: unknown[] };
    return [`${meta.id}Input`, { schema, example: meta.examples[0] }];
  }),
);
