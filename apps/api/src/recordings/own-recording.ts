import { findRecording, type RecordingRow } from '@folkemote/db';
import { recordingIdSchema } from '@folkemote/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { sendError } from '../http-errors.ts';
import { mayManageRecording } from './recording-access.ts';

/**
 * For organiser routes under /api/recordings/{id}: the recording when it belongs to the caller's
 * organisation, or null once a 400 (not a UUID) or 404 (missing, or another organisation's, which
 * is as unknown) has been sent.
 */
export async function ownRecording(
  deps: Pick<ApiDeps, 'db'>,
  request: Pick<FastifyRequest, 'organiser'> & { params: { id: string } },
  reply: FastifyReply,
): Promise<RecordingRow | null> {
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
