import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  errors,
  nonJson,
  organiserErrors,
  recordingPreviewNestedParams,
  recordingPreviewParams,
  security,
} from '@folkemote/contract';
import { findVersion } from '@folkemote/db';
import { recordingIdSchema } from '@folkemote/domain';
import { contentTypeFor, isNotFound, rawKeys } from '@folkemote/storage';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import { ownRecording } from '../recordings/own-recording.ts';

/** A file of a version: names as the transcoder writes them, never a way out of the version's prefix. */
const versionPath = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * A recording's version as its organisers' browser plays it before (or apart from) publishing it:
 * the playlists, segments and poster, read from the raw bucket's review copy (or the public bucket
 * while it is public), only for organisers of the recording's organisation. Nothing of a held
 * recording has a public address; this is its only one, behind the organiser's session.
 */
export function registerRecordingPreviewRoute(
  server: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const schema = (params: typeof recordingPreviewParams | typeof recordingPreviewNestedParams) => ({
    summary: 'A file of a recording’s version (held or public), for its organisers to preview',
    tags: ['recordings'],
    security: security.organiser,
    params,
    response: {
      200: nonJson('application/octet-stream', 'The file: a playlist, a segment, the poster or the sprite'),
      ...errors({
        400: 'The id or version id is not a UUID, or the path is not a file name of a version',
        ...organiserErrors,
        404: 'No such recording in the organisation, version of it or file in the version',
      }),
    },
  });
  type PreviewRequest = Parameters<typeof ownRecording>[1] & {
    params: { id: string; versionId: string; name: string; inner?: string };
  };
  const serve = async (request: PreviewRequest, reply: FastifyReply) => {
    const recording = await ownRecording(deps, request, reply);
    if (!recording) return reply;
    const versionId = recordingIdSchema.safeParse(request.params.versionId);
    const file = request.params.inner
      ? `${request.params.name}/${request.params.inner}`
      : request.params.name;
    if (!versionId.success || !versionPath.test(file))
      return sendError(reply, 400, 'invalid_path', 'Not a file of a recording version');
    const version = await findVersion(deps.db, versionId.data);
    if (!version || version.recordingId !== recording.id)
      return sendError(reply, 404, 'not_found', 'No such version of the recording');
    // A version's files are under its prefix (its own, or a broadcast's closed stream), or under review.
    const places = [
      { bucket: deps.s3Settings.rawBucket, key: rawKeys.reviewCopy(version.prefix) + file },
      { bucket: deps.s3Settings.publicBucket, key: version.prefix + file },
    ];
    for (const place of places) {
      try {
        const object = await deps.s3.send(new GetObjectCommand({ Bucket: place.bucket, Key: place.key }));
        reply
          .header('content-type', contentTypeFor(file))
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff');
        if (object.ContentLength !== undefined) reply.header('content-length', object.ContentLength);
        return reply.send(object.Body as Readable as never);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    return sendError(reply, 404, 'not_found', 'No such file in the version');
  };
  // A version's files are at most one folder deep (a rendition's playlist and segments).
  app.get(
    '/api/recordings/:id/preview/:versionId/:name',
    { preHandler: requireOrganiser, schema: schema(recordingPreviewParams) },
    (request, reply) => serve(request, reply),
  );
  app.get(
    '/api/recordings/:id/preview/:versionId/:name/:inner',
    { preHandler: requireOrganiser, schema: schema(recordingPreviewNestedParams) },
    (request, reply) => serve(request, reply),
  );
}
