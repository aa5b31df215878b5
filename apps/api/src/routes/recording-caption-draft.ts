import { captionDraftStatusSchema, errors, idParams, organiserErrors, security } from '@folkemote/contract';
import { type CaptionDraftRow, findCaptionDraft, findRecording } from '@folkemote/db';
import { recordingIdSchema } from '@folkemote/domain';
import { requestDraftCaptions } from '@folkemote/pipeline';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import { mayManageRecording } from '../recordings/recording-access.ts';

const tags = ['recordings'];
const notOwn = { 404: 'No recording with that id in the organisation' } as const;

const draftView = (d: CaptionDraftRow) => ({
  language: d.language,
  engine: d.engine,
  state: d.state,
  percent: d.percent,
  cueCount: d.cueCount,
  failure: d.failure,
  requestedAt: d.requestedAt,
  updatedAt: d.updatedAt,
});

/**
 * Draft captions from speech recognition (WCAG 1.2.2 made cheaper): an organiser of the
 * recording's organisation asks for them and follows the progress. The draft is not public: only
 * approved captions reach the replay page.
 */
export function registerRecordingCaptionDraftRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  async function ownRecording(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const id = recordingIdSchema.safeParse(request.params.id);
    if (!id.success) {
      sendError(reply, 400, 'invalid_id', 'The recording id must be a UUID');
      return null;
    }
    const recording = await findRecording(deps.db, id.data);
    if (!recording || !mayManageRecording(request.organiser?.organisationId, recording)) {
      sendError(reply, 404, 'not_found', 'No recording with that id in your organisation');
      return null;
    }
    return recording;
  }
  const status = async (recordingId: string) => {
    const draft = await findCaptionDraft(deps.db, recordingId);
    return { engine: deps.config.captions.engine, draft: draft ? draftView(draft) : null };
  };

  app.get<{ Params: { id: string } }>(
    '/api/recordings/:id/caption-draft',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'Whether draft captions from speech can be made, and how far the recording’s draft has come',
        tags,
        security: security.organiser,
        params: idParams,
        response: {
          200: captionDraftStatusSchema,
          ...errors({ 400: 'The id is not a UUID', ...organiserErrors, ...notOwn }),
        },
      },
    },
    async (request, reply) => {
      const recording = await ownRecording(request, reply);
      if (!recording) return reply;
      return reply.header('cache-control', 'no-store').send(await status(recording.id));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/recordings/:id/caption-draft',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'Make draft captions from speech, in the event’s language (not public until approved)',
        tags,
        security: security.organiser,
        params: idParams,
        response: {
          202: captionDraftStatusSchema,
          ...errors({
            400: 'The id is not a UUID',
            ...organiserErrors,
            ...notOwn,
            409: 'No engine is configured, the recording is not processed yet, or the engine cannot hear its language',
          }),
        },
      },
    },
    async (request, reply) => {
      const recording = await ownRecording(request, reply);
      if (!recording) return reply;
      const outcome = await requestDraftCaptions(deps, recording, deps.config.captions.engine);
      if (!outcome.ok) return sendError(reply, 409, outcome.code, outcome.message);
      return reply.code(202).send(await status(recording.id));
    },
  );
}
