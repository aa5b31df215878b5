import type { RecordingRow } from '@folkemote/db';
import { isPubliclyVisible, type PublicRecordingView } from '@folkemote/domain';
import type { FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { authenticateOrganiser, type OrganiserAuthResult, readSessionId } from '../auth/require-organiser.ts';

/** Who asks about recordings: an organiser (of one organisation), or anyone. */
export type RecordingViewer = { kind: 'organiser'; organisationId: string } | { kind: 'public' };

/**
 * The viewer behind a request to a recordings route anyone may call. Without credentials, the
 * public; with credentials that do not hold (an unknown or revoked token, an ended session),
 * the refusal, so a client is told rather than quietly shown less.
 */
export async function readRecordingViewer(
  deps: Pick<ApiDeps, 'db' | 'config'>,
  request: FastifyRequest,
): Promise<{ ok: true; viewer: RecordingViewer } | Extract<OrganiserAuthResult, { ok: false }>> {
  if (request.headers.authorization === undefined && !readSessionId(request))
    return { ok: true, viewer: { kind: 'public' } };
  const result = await authenticateOrganiser(deps, request);
  if (!result.ok) return result;
  return { ok: true, viewer: { kind: 'organiser', organisationId: result.organiser.organisationId } };
}

/** Organisers of the recording's organisation see it in every state and may act on it. */
export function mayManageRecording(
  organisationId: string | undefined,
  recording: Pick<RecordingRow, 'organisationId'>,
): boolean {
  return organisationId !== undefined && recording.organisationId === organisationId;
}

/** The organisation whose recordings the viewer manages; none for the public. */
export function managedOrganisation(viewer: RecordingViewer): string | undefined {
  return viewer.kind === 'organiser' ? viewer.organisationId : undefined;
}

/** Everyone else sees a recording only once its replay is public, and then only what the replay page shows. */
export function isPublicRecording<R extends Pick<RecordingRow, 'state' | 'publication'>>(
  recording: R,
): recording is R & { state: PublicRecordingView['state'] } {
  return isPubliclyVisible(recording.state, recording.publication);
}
