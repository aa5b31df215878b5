import {
  findRecording,
  listAllRecordingCaptions,
  listFailedLiveRecordings,
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

  app.get('/api/recordings', async (request, reply) => {
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
    return reply.send({
      recordings: rows.map((r) => toRecordingView(r, base, captions.get(r.id))),
      // Live-room recordings that ended without a file, with LiveKit's reason.
      liveRecordingFailures: await listFailedLiveRecordings(deps.db, organisationId),
    });
  });

  app.get<{ Params: { id: string } }>('/api/recordings/:id', async (request, reply) => {
    const id = recordingIdSchema.safeParse(request.params.id);
    if (!id.success) return sendError(reply, 400, 'invalid_id', 'The recording id must be a UUID');
    const who = await readRecordingViewer(deps, request);
    if (!who.ok) return sendError(reply, who.status, who.code, who.message);
    const row = await findRecording(deps.db, id.data);
    reply.header('cache-control', 'no-store');
    if (row && mayManageRecording(managedOrganisation(who.viewer), row))
      return reply.send(toRecordingView(row, base, await listRecordingCaptions(deps.db, row.id)));
    if (row && isPublicRecording(row))
      return reply.send(toPublicRecordingView(row, base, await listRecordingCaptions(deps.db, row.id)));
    // Someone else's unpublished recording is as unknown as a missing one.
    return sendError(reply, 404, 'not_found', 'No recording with that id');
  });

  app.post<{ Params: { id: string } }>(
    '/api/recordings/:id/retry',
    { preHandler: requireOrganiser },
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
