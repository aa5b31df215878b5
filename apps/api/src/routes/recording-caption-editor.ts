import {
  audioDescriptionBodySchema,
  audioDescriptionSchema,
  captionCuesSchema,
  captionKindQuery,
  captionSchema,
  errors,
  idParams,
  organiserErrors,
  recordingLanguageParams,
  saveCuesBodySchema,
  security,
} from '@folkemote/contract';
import { findRecordingCaption, setRecordingAudioDescription } from '@folkemote/db';
import {
  type AudioDescriptionMode,
  type CaptionKind,
  CaptionsError,
  MAX_CAPTION_BYTES,
  parseCaptions,
} from '@folkemote/domain';
import { readObjectText } from '@folkemote/storage';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import { approveRecordingCaptions, captionBucket } from '../recordings/approve-recording-captions.ts';
import { setRecordingCaptions } from '../recordings/set-recording-captions.ts';
import { recordingCaptionKit } from './recording-captions.ts';

type Kit = ReturnType<typeof recordingCaptionKit>;
type TrackRoute = {
  Params: { id: string; language: string };
  Querystring: { kind: CaptionKind };
};
const trackErrors = {
  400: 'Unknown language or kind, or cues that break the limits (`fields` says which)',
  ...organiserErrors,
  404: 'No recording with that id in the organisation, or no track of that kind and language',
} as const;

/**
 * The caption editor's routes (WCAG 1.2.2 and 1.2.5), for the recording's own organisers only:
 * a track's cues, saving them as a new draft, approving a draft (which makes it public), and
 * how audio description is met.
 */
export function registerCaptionEditorRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const kit = recordingCaptionKit(deps);
  registerCueRead(app, deps, requireOrganiser, kit);
  registerCueSave(app, deps, requireOrganiser, kit);
  registerApprove(app, deps, requireOrganiser, kit);
  registerAudioDescription(app, deps, requireOrganiser, kit);
}

function registerCueRead(app: FastifyInstance, deps: ApiDeps, requireOrganiser: RequireOrganiser, kit: Kit) {
  app.get<TrackRoute>(
    '/api/recordings/:id/captions/:language/cues',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'The cues of a caption or description track, drafts too, for the caption editor',
        tags: kit.tags,
        security: security.organiser,
        params: recordingLanguageParams,
        querystring: captionKindQuery,
        response: { 200: captionCuesSchema, ...errors(trackErrors) },
      },
    },
    async (request, reply) => {
      const language = kit.parseLanguage(request, reply);
      if (!language) return reply;
      const recording = await kit.ownRecording(request, reply);
      if (!recording) return reply;
      const kind = request.query.kind;
      const track = await findRecordingCaption(deps.db, recording.id, kind, language);
      const text = track
        ? await readObjectText(deps.s3, captionBucket(deps, track), track.publicKey, {
            maxBytes: MAX_CAPTION_BYTES,
          })
        : null;
      if (!track || text === null)
        return sendError(reply, 404, 'not_found', 'The recording has no track of that kind in that language');
      return reply
        .header('cache-control', 'no-store')
        .send({ language, kind, status: track.status, cues: parseCaptions(text) });
    },
  );
}

function registerCueSave(app: FastifyInstance, deps: ApiDeps, requireOrganiser: RequireOrganiser, kit: Kit) {
  app.put<TrackRoute & { Body: { cues: Array<{ startMs: number; endMs: number; text: string }> } }>(
    '/api/recordings/:id/captions/:language/cues',
    {
      preHandler: requireOrganiser,
      bodyLimit: 2 * MAX_CAPTION_BYTES,
      schema: {
        summary: 'Save the caption editor’s cues as a new content-hashed WebVTT, as a draft',
        tags: kit.tags,
        security: security.organiser,
        params: recordingLanguageParams,
        querystring: captionKindQuery,
        body: saveCuesBodySchema,
        response: { 200: captionSchema, ...errors({ ...trackErrors, 413: 'The body is too large' }) },
      },
    },
    async (request, reply) => {
      const language = kit.parseLanguage(request, reply);
      if (!language) return reply;
      const recording = await kit.ownRecording(request, reply);
      if (!recording) return reply;
      try {
        const caption = await setRecordingCaptions(deps, {
          recordingId: recording.id,
          language,
          kind: request.query.kind,
          cues: request.body.cues,
        });
        return reply.send(kit.captionView(caption));
      } catch (err) {
        if (err instanceof CaptionsError)
          return sendError(reply, 400, 'invalid_captions', err.message, { cues: [err.message] }, err.problem);
        throw err;
      }
    },
  );
}

function registerApprove(app: FastifyInstance, deps: ApiDeps, requireOrganiser: RequireOrganiser, kit: Kit) {
  app.post<TrackRoute>(
    '/api/recordings/:id/captions/:language/approve',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'Approve a caption or description track: it becomes public and counts for WCAG',
        tags: kit.tags,
        security: security.organiser,
        params: recordingLanguageParams,
        querystring: captionKindQuery,
        response: { 200: captionSchema, ...errors(trackErrors) },
      },
    },
    async (request, reply) => {
      const language = kit.parseLanguage(request, reply);
      if (!language) return reply;
      const recording = await kit.ownRecording(request, reply);
      if (!recording) return reply;
      const caption = await approveRecordingCaptions(deps, {
        recordingId: recording.id,
        kind: request.query.kind,
        language,
      });
      if (!caption)
        return sendError(reply, 404, 'not_found', 'The recording has no track of that kind in that language');
      return reply.send(kit.captionView(caption));
    },
  );
}

function registerAudioDescription(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
  kit: Kit,
) {
  app.put<{ Params: { id: string }; Body: { mode: AudioDescriptionMode | null } }>(
    '/api/recordings/:id/audio-description',
    {
      preHandler: requireOrganiser,
      schema: {
        summary:
          'How the recording meets audio description (WCAG 1.2.5): everything shown said aloud, or a description track',
        tags: kit.tags,
        security: security.organiser,
        params: idParams,
        body: audioDescriptionBodySchema,
        response: {
          200: audioDescriptionSchema,
          ...errors({
            400: 'The mode is not one of the allowed values',
            ...organiserErrors,
            ...kit.noRecording,
          }),
        },
      },
    },
    async (request, reply) => {
      const recording = await kit.ownRecording(request, reply);
      if (!recording) return reply;
      await setRecordingAudioDescription(deps.db, recording.id, request.body.mode);
      await deps.queues.enqueue('replay.refresh', { recordingId: recording.id });
      return reply.send({ mode: request.body.mode });
    },
  );
}
