import {
  anyRecordingViewSchema,
  errors,
  idParams,
  organiserErrors,
  recordingListSchema,
  recordingRetrySchema,
  security,
} from '@folkemote/contract';
import {
  findRecording,
  findRecordingAudioDescription,
  listAllRecordingCaptions,
  listFailedLiveRecordings,
  listRecordingAudioDescriptions,
  listRecordingCaptions,
  listRecordings,
} from '@folkemote/db';
import { recordingIdSchema } from '@folkemote/domain';
import { toPublicRecordingView, toRecordingView } from '@folkemote/pipeline';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import {
  isPublicRecording,
  managedOrganisation,
  mayManageRecording,
  readRecordingViewer,
} from '../recordings/recording-access.ts';
import { retryRecording } from '../recordings/retry-recording.ts';

const publicStates = ['quick_published', 'published'] as const;

/**
 * Recordings: an organiser sees and retries their own organisation's, in every state; anyone
 * else sees published replays only, with what the replay page shows.
 */
export function registerRecordingRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const base = deps.s3Settings.publicBaseUrl;

  const tags = ['recordings'];
  /** Anyone may ask; an organiser's session or token that is given must be valid. */
  const viewerErrors = {
    401: 'The session or API token given is unknown, expired or revoked',
    403: 'The CSRF check failed (cookie sessions only)',
  } as const;
  const viewer = [...security.organiser, ...security.public];

  app.get(
    '/api/recordings',
    {
      schema: {
        summary:
          'The organisation’s recordings in every state, or (without signing in) the published replays',
        tags,
        security: viewer,
        response: { 200: recordingListSchema, ...errors(viewerErrors) },
      },
    },
    async (request, reply) => {
      const who = await readRecordingViewer(deps, request);
      if (!who.ok) return sendError(reply, who.status, who.code, who.message);
      const organisationId = managedOrganisation(who.viewer);
      const captions = await listAllRecordingCaptions(deps.db);
      reply.header('cache-control', 'no-store');
      if (organisationId === undefined) {
        const rows = (await listRecordings(deps.db, { states: publicStates })).filter(isPublicRecording);
        return reply.send({
          recordings: rows.map((r) => toPublicRecordingView(r, base, captions.get(r.id))),
          liveRecordingFailures: [],
        });
      }
      const rows = await listRecordings(deps.db, { organisationId });
      const described = await listRecordingAudioDescriptions(deps.db);
      return reply.send({
        recordings: rows.map((r) =>
          toRecordingView(r, base, captions.get(r.id), undefined, described.get(r.id) ?? null),
        ),
        // Live-room recordings that ended without a file, with LiveKit's reason.
        liveRecordingFailures: await listFailedLiveRecordings(deps.db, organisationId),
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/recordings/:id',
    {
      schema: {
        summary: 'A recording: as its organisers see it, or as the public sees a published replay',
        tags,
        security: viewer,
        params: idParams,
        response: {
          200: anyRecordingViewSchema,
          ...errors({
            400: 'The id is not a UUID',
            ...viewerErrors,
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
      const row = await findRecording(deps.db, id.data);
      reply.header('cache-control', 'no-store');
      if (row && mayManageRecording(managedOrganisation(who.viewer), row))
        return reply.send(
          toRecordingView(
            row,
            base,
            await listRecordingCaptions(deps.db, row.id),
            undefined,
            await findRecordingAudioDescription(deps.db, row.id),
          ),
        );
      if (row && isPublicRecording(row))
        return reply.send(toPublicRecordingView(row, base, await listRecordingCaptions(deps.db, row.id)));
      // Someone else's unpublished recording is as unknown as a missing one.
      return sendError(reply, 404, 'not_found', 'No recording with that id');
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/recordings/:id/retry',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'Process a failed or stalled recording again',
        tags,
        security: security.organiser,
        params: idParams,
        response: {
          202: recordingRetrySchema,
          ...errors({
            400: 'The id is not a UUID',
            ...organiserErrors,
            404: 'No recording with that id in the organisation',
            409: 'The recording has neither failed nor stalled',
          }),
        },
      },
    },
    async (request, reply) => {
      const id = recordingIdSchema.safeParse(request.params.id);
      if (!id.success) return sendError(reply, 400, 'invalid_id', 'The recording id must be a UUID');
      const result = await retryRecording(deps, id.data, request.organiser!.organisationId);
      if (result === 'not_found')
        return sendError(reply, 404, 'not_found', 'No recording with that id in your organisation');
      if (result === 'not_failed')
        return sendError(reply, 409, 'not_failed', 'Only a failed or stalled recording can be retried');
      return reply.code(202).send({ status: 'retrying' });
    },
  );
}
