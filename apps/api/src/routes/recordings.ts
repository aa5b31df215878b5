import {
  findRecording,
  listAllRecordingCaptions,
  listFailedLiveRecordings,
  listRecordingCaptions,
  listRecordings,
} from '@folkemote/db';
import { recordingIdSchema } from '@folkemote/domain';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { authenticateOrganiser } from '../auth/require-organiser.ts';
import { sendError } from '../http-errors.ts';
import { toRecordingView } from '../recordings/recording-view.ts';
import { retryRecording } from '../recordings/retry-recording.ts';

export function registerRecordingRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const base = deps.s3Settings.publicBaseUrl;

  app.get('/api/recordings', async (request, reply) => {
    const rows = await listRecordings(deps.db);
    const captions = await listAllRecordingCaptions(deps.db);
    // Live-room recordings that ended without a file, with LiveKit's reason: for the organisation's organisers only.
    const organiser = await authenticateOrganiser(deps, request);
    const liveRecordingFailures = organiser.ok
      ? await listFailedLiveRecordings(deps.db, organiser.organiser.organisationId)
      : [];
    return reply.header('cache-control', 'no-store').send({
      recordings: rows.map((r) => toRecordingView(r, base, captions.get(r.id))),
      liveRecordingFailures,
    });
  });

  app.get<{ Params: { id: string } }>('/api/recordings/:id', async (request, reply) => {
    const id = recordingIdSchema.safeParse(request.params.id);
    if (!id.success) return sendError(reply, 400, 'invalid_id', 'The recording id must be a UUID');
    const row = await findRecording(deps.db, id.data);
    if (!row) return sendError(reply, 404, 'not_found', 'No recording with that id');
    const captions = await listRecordingCaptions(deps.db, row.id);
    return reply.header('cache-control', 'no-store').send(toRecordingView(row, base, captions));
  });

  app.post<{ Params: { id: string } }>(
    '/api/recordings/:id/retry',
    { preHandler: requireOrganiser },
    async (request, reply) => {
      const id = recordingIdSchema.safeParse(request.params.id);
      if (!id.success) return sendError(reply, 400, 'invalid_id', 'The recording id must be a UUID');
      const result = await retryRecording(deps, id.data);
      if (result === 'not_found') return sendError(reply, 404, 'not_found', 'No recording with that id');
      if (result === 'not_failed')
        return sendError(reply, 409, 'not_failed', 'Only a failed recording can be retried');
      return reply.code(202).send({ status: 'retrying' });
    },
  );
}
