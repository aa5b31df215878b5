import {
  errors,
  idParams,
  organiserErrors,
  recordingTrimBody,
  recordingTrimSchema,
  security,
} from '@folkemote/contract';
import { findRecording } from '@folkemote/db';
import { recordingIdSchema, TrimError } from '@folkemote/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import { mayManageRecording } from '../recordings/recording-access.ts';
import { mayTrim, recordingTrimView, requestTrim } from '../recordings/recording-trim.ts';

const tags = ['recordings'];
const noRecording = { 404: 'No recording with that id in the organisation' } as const;

/**
 * Trim and cut: the organisers of a recording's organisation read its trim
 * and ask for a new one; the worker makes the new version from the raw source. Nobody else sees
 * that a recording has been trimmed: the public replay simply is the trimmed version.
 */
export function registerRecordingTrimRoutes(
  server: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  async function ownRecording(
    request: Pick<FastifyRequest, 'organiser'> & { params: { id: string } },
    reply: FastifyReply,
  ) {
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

  app.get(
    '/api/recordings/:id/trim',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'A recording’s trim: the cuts asked for and applied, and its current version to preview',
        tags,
        security: security.organiser,
        params: idParams,
        response: {
          200: recordingTrimSchema,
          ...errors({ 400: 'The id is not a UUID', ...organiserErrors, ...noRecording }),
        },
      },
    },
    async (request, reply) => {
      const recording = await ownRecording(request, reply);
      if (!recording) return reply;
      return reply.header('cache-control', 'no-store').send(await recordingTrimView(deps, recording));
    },
  );

  app.put(
    '/api/recordings/:id/trim',
    {
      preHandler: requireOrganiser,
      schema: {
        summary:
          'Trim a processed recording: the ranges to cut out of its source (an empty list restores the original)',
        tags,
        security: security.organiser,
        params: idParams,
        body: recordingTrimBody,
        response: {
          202: recordingTrimSchema,
          ...errors({
            400: 'Cuts that are empty, outside the recording, overlapping, or leave less than a second (`fields.cuts` says which)',
            ...organiserErrors,
            ...noRecording,
            409: 'The recording is not processed yet, or a trim or transcode of it is under way',
          }),
        },
      },
    },
    async (request, reply) => {
      const recording = await ownRecording(request, reply);
      if (!recording) return reply;
      if (!mayTrim(recording) || recording.durationSeconds === null)
        return sendError(
          reply,
          409,
          'not_trimmable',
          'The recording can be trimmed once it is processed and while nothing else is being made of it',
        );
      try {
        await requestTrim(
          deps,
          { ...recording, durationSeconds: recording.durationSeconds },
          request.body.cuts,
        );
      } catch (err) {
        if (err instanceof TrimError)
          return sendError(reply, 400, 'invalid_trim', err.message, { cuts: [err.message] }, flatParams(err));
        throw err;
      }
      const after = (await findRecording(deps.db, recording.id)) ?? recording;
      return reply.code(202).send(await recordingTrimView(deps, after));
    },
  );
}

/** The problem's code and numbers, for the web app to say in the organiser's language. */
function flatParams(err: TrimError): Record<string, string | number> {
  return { ...err.problem };
}
