import {
  captionKindQuery,
  captionListSchema,
  captionSchema,
  errors,
  idParams,
  noContent,
  organiserErrors,
  recordingLanguageParams,
  security,
} from '@folkemote/contract';
import {
  approvedOnly,
  deleteRecordingCaption,
  findRecording,
  listRecordingCaptions,
  type RecordingCaptionRow,
} from '@folkemote/db';
import {
  CaptionsError,
  captionLabels,
  captionLanguages,
  decodeCaptions,
  MAX_CAPTION_BYTES,
  recordingIdSchema,
} from '@folkemote/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import {
  isPublicRecording,
  managedOrganisation,
  mayManageRecording,
  readRecordingViewer,
} from '../recordings/recording-access.ts';
import { setRecordingCaptions } from '../recordings/set-recording-captions.ts';

type CaptionRequest = FastifyRequest<{
  Params: { id: string; language?: string };
  Querystring?: { kind?: 'captions' | 'descriptions' };
}>;

const languageSchema = z.enum(captionLanguages, `must be one of ${captionLanguages.join(', ')}`);
const captionTypes = ['text/vtt', 'application/x-subrip', 'text/srt', 'text/plain'];

/**
 * Captions of a recording (WCAG 1.2.2: a recording left online must be captioned). An organiser
 * puts a WebVTT or SubRip file per language; the replay page offers it within a minute.
 */
export function registerRecordingCaptionRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const kit = recordingCaptionKit(deps);
  registerCaptionList(app, deps, kit);
  registerCaptionUpload(app, deps, requireOrganiser, kit);
  registerCaptionRemoval(app, deps, requireOrganiser, kit);
}

/** What the caption routes share: the caption's public view, the organiser's recording, the language. */
export function recordingCaptionKit(deps: ApiDeps) {
  const base = deps.s3Settings.publicBaseUrl;
  const captionView = (c: RecordingCaptionRow) => ({
    language: c.language,
    kind: c.kind,
    status: c.status,
    label: captionLabels[c.language],
    cueCount: c.cueCount,
    uploadedAt: c.uploadedAt,
    url: c.status === 'approved' ? `${base}/${c.publicKey}` : null,
  });

  /** The recording, if it exists and belongs to the organiser's organisation. */
  async function ownRecording(request: CaptionRequest, reply: FastifyReply) {
    const id = recordingIdSchema.safeParse(request.params.id);
    const recording = id.success ? await findRecording(deps.db, id.data) : null;
    if (!recording || !mayManageRecording(request.organiser?.organisationId, recording)) {
      sendError(reply, 404, 'not_found', 'No recording with that id in your organisation');
      return null;
    }
    return recording;
  }

  function parseLanguage(request: CaptionRequest, reply: FastifyReply) {
    const language = languageSchema.safeParse(request.params.language);
    if (!language.success) {
      sendError(reply, 400, 'invalid_language', 'Unknown caption language', {
        language: [language.error.issues[0]!.message],
      });
      return null;
    }
    return language.data;
  }

  const tags = ['recordings'];
  const badLanguage = { 400: `The language is not one of ${captionLanguages.join(', ')}` } as const;
  const noRecording = { 404: 'No recording with that id in the organisation' } as const;

  return { base, captionView, ownRecording, parseLanguage, tags, badLanguage, noRecording };
}

function registerCaptionList(
  app: FastifyInstance,
  deps: ApiDeps,
  kit: ReturnType<typeof recordingCaptionKit>,
) {
  const { captionView, tags } = kit;
  // Seen as the recording is (see routes/recordings.ts): by its organisers, or by anyone once its replay is public.
  app.get<{ Params: { id: string } }>(
    '/api/recordings/:id/captions',
    {
      schema: {
        summary: 'A recording’s captions, seen as the recording is',
        tags,
        security: [...security.organiser, ...security.public],
        params: idParams,
        response: {
          200: captionListSchema,
          ...errors({
            400: 'The id is not a UUID',
            401: 'The session or API token given is unknown, expired or revoked',
            403: 'The CSRF check failed (cookie sessions only)',
            404: 'No recording with that id that the caller may see',
          }),
        },
      },
    },
    async (request, reply) => {
      const id = recordingIdSchema.safeParse(request.params.id);
      if (!id.success) return sendError(reply, 400, 'invalid_id', 'The recording id must be a UUID');
      const who = await readRecordingViewer(deps, request);
      if (!who.ok) return sendError(reply, who.status, who.code, who.message);
      const recording = await findRecording(deps.db, id.data);
      const manages = recording !== null && mayManageRecording(managedOrganisation(who.viewer), recording);
      const visible = recording !== null && (manages || isPublicRecording(recording));
      if (!visible) return sendError(reply, 404, 'not_found', 'No recording with that id');
      // Drafts are for the recording's organisers only.
      const all = await listRecordingCaptions(deps.db, id.data);
      const captions = manages ? all : approvedOnly(all);
      return reply.header('cache-control', 'no-store').send({
        captions: captions.map(captionView),
      });
    },
  );
}

function registerCaptionUpload(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
  kit: ReturnType<typeof recordingCaptionKit>,
) {
  const { captionView, ownRecording, parseLanguage, tags, noRecording } = kit;
  app.register(async (scope) => {
    // Bytes, not a string: Fastify's decoding would turn bytes that are not UTF-8 into U+FFFD
    // silently, and the captions would be published with holes in them.
    scope.addContentTypeParser(
      captionTypes,
      { parseAs: 'buffer', bodyLimit: MAX_CAPTION_BYTES },
      (_r, body, done) => done(null, body),
    );
    scope.put<{
      Params: { id: string; language: string };
      Querystring: { kind: 'captions' | 'descriptions' };
    }>(
      '/api/recordings/:id/captions/:language',
      {
        preHandler: requireOrganiser,
        bodyLimit: MAX_CAPTION_BYTES,
        schema: {
          summary:
            'Put a WebVTT or SubRip file as the recording’s captions (or description track) in one language, as a draft',
          tags,
          security: security.organiser,
          params: recordingLanguageParams,
          querystring: captionKindQuery,
          response: {
            200: captionSchema,
            ...errors({
              400: 'Unknown language, or captions that cannot be read (`fields.body` says why)',
              ...organiserErrors,
              ...noRecording,
              413: 'The file is larger than the captions limit',
              415: `The body is not one of ${captionTypes.join(', ')}`,
            }),
          },
        },
      },
      async (request, reply) => {
        const language = parseLanguage(request, reply);
        if (!language) return reply;
        const recording = await ownRecording(request, reply);
        if (!recording) return reply;
        if (!Buffer.isBuffer(request.body))
          return sendError(
            reply,
            415,
            'unsupported_media_type',
            `Send the captions as the request body with one of: ${captionTypes.join(', ')}`,
          );
        try {
          const caption = await setRecordingCaptions(deps, {
            recordingId: recording.id,
            language,
            kind: request.query.kind,
            text: decodeCaptions(request.body),
          });
          return reply.send(captionView(caption));
        } catch (err) {
          if (err instanceof CaptionsError)
            return sendError(
              reply,
              400,
              'invalid_captions',
              err.message,
              { body: [err.message] },
              err.problem,
            );
          throw err;
        }
      },
    );
  });
}

function registerCaptionRemoval(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
  kit: ReturnType<typeof recordingCaptionKit>,
) {
  const { ownRecording, parseLanguage, tags, badLanguage } = kit;
  app.delete<{
    Params: { id: string; language: string };
    Querystring: { kind: 'captions' | 'descriptions' };
  }>(
    '/api/recordings/:id/captions/:language',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'Remove the recording’s captions (or description track) in one language',
        tags,
        security: security.organiser,
        params: recordingLanguageParams,
        querystring: captionKindQuery,
        response: {
          204: noContent,
          ...errors({
            ...badLanguage,
            ...organiserErrors,
            404: 'No recording with that id in the organisation, or no captions in that language',
          }),
        },
      },
    },
    async (request, reply) => {
      const language = parseLanguage(request, reply);
      if (!language) return reply;
      const recording = await ownRecording(request, reply);
      if (!recording) return reply;
      if (!(await deleteRecordingCaption(deps.db, recording.id, language, request.query.kind)))
        return sendError(reply, 404, 'not_found', 'The recording has no captions in that language');
      await deps.queues.enqueue('replay.refresh', { recordingId: recording.id });
      return reply.code(204).send();
    },
  );
}
