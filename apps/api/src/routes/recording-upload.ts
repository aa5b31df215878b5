import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errors, recordingViewSchema, security } from '@folkemote/contract';
import { findOwnEventId, importRecording, toRecordingView, UnknownEventError } from '@folkemote/pipeline';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError, sendValidationError } from '../http-errors.ts';
import { limitUploadSize, UploadTooLargeError } from '../recordings/limit-upload-size.ts';

const uploadQuery = z.object({
  title: z.string().trim().min(3, 'must be at least 3 characters').max(200, 'must be at most 200 characters'),
  event: z.string().optional(),
  /** When given, the organisation the caller means to upload for: a mismatch with the caller's is refused. */
  organisation: z.string().optional(),
  // The name the file had on the sender's disk. It says nothing about what the file is: the
  // worker goes by the content alone.
  filename: z
    .string()
    .regex(/^[\w.\- ]{1,200}$/, 'must be a plain file name')
    .default('recording.mp4'),
  /**
   * `true`: public as soon as it is processed, as the uploader's own decision. Otherwise held for
   * review (or public at once where its event publishes automatically).
   */
  publish: z.enum(['true', 'false'], 'must be true or false').optional(),
});

const mediaTypes = [
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'video/x-matroska',
  'audio/mp4',
  'audio/mpeg',
  'audio/wav',
  'application/octet-stream',
];

/** The largest recording taken: some ten hours of 1080p. */
export const MAX_RECORDING_BYTES = 50 * 1024 ** 3;

/** The body of a request whose content type is no recording's: never read. */
const NOT_MEDIA = Symbol('not a recording');

/**
 * POST /api/recordings?title=…&event=…&filename=… with the file as the raw
 * body: streamed to disk (never held in memory), put in the raw bucket, and
 * handed to the pipeline. 202 with the recording as GET /api/recordings shows it.
 * Organisers only (session or API token); the recording belongs to their organisation.
 */
export function registerRecordingUpload(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  app.register(async (scope) => {
    // Only a recording's bytes are read here, as a stream to disk: no JSON or text body is
    // buffered in memory first, whatever its size.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(mediaTypes, (_request, payload, done) => done(null, payload));
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, NOT_MEDIA));
    scope.post<{ Querystring: Record<string, string> }>(
      '/api/recordings',
      {
        onRequest: requireOrganiser,
        schema: {
          summary: 'Upload a recording (the file as the raw body; `title`, `event`, `filename` in the query)',
          tags: ['recordings'],
          security: security.organiser,
          response: {
            202: recordingViewSchema,
            ...errors({
              400: 'Invalid query (`fields` names each bad field), an empty upload, or one that stopped early',
              401: 'Not signed in, or the API token is unknown or revoked',
              403: 'The CSRF check failed, or `organisation` is not the caller’s (`other_organisation`)',
              404: 'No event with that slug in the organisation',
              413: 'The recording is larger than the limit',
              415: 'The body is not a recording’s media type',
            }),
          },
        },
      },
      async (request, reply) => {
        const query = uploadQuery.safeParse(request.query);
        if (!query.success) return sendValidationError(unread(reply), query.error);
        const body = request.body as Readable | typeof NOT_MEDIA | undefined;
        if (body === NOT_MEDIA)
          return sendError(
            unread(reply),
            415,
            'unsupported_media_type',
            `Send the recording as the request body with one of: ${mediaTypes.join(', ')}`,
          );
        const declared = declaredLength(request);
        if (declared !== null && declared > MAX_RECORDING_BYTES)
          return sendError(
            unread(reply),
            413,
            'too_large',
            new UploadTooLargeError(MAX_RECORDING_BYTES).message,
          );
        if (body === undefined || declared === 0) return refuseEmpty(reply);
        const organiser = request.organiser!;
        if (query.data.organisation !== undefined && query.data.organisation !== organiser.organisationSlug)
          return sendError(
            unread(reply),
            403,
            'other_organisation',
            `Your credentials are for ${organiser.organisationSlug}, not ${query.data.organisation}`,
          );
        // Checked before a byte is read, so a wrong event costs no upload; another organisation's
        // event is as unknown as a missing one.
        const event = query.data.event;
        if (event && !(await findOwnEventId(deps, organiser.organisationId, event)))
          return sendError(unread(reply), 404, 'unknown_event', new UnknownEventError(event).message);
        const dir = await mkdtemp(path.join(os.tmpdir(), 'folkemote-upload-'));
        try {
          // A fixed name: the sender's name for the file (its extension, a pattern) reaches nothing.
          const file = path.join(dir, 'source');
          const counted = limitUploadSize(MAX_RECORDING_BYTES);
          await pipeline(body, counted, createWriteStream(file));
          if (counted.bytes === 0) return refuseEmpty(reply);
          const row = await importRecording(deps, {
            file,
            title: query.data.title,
            organisationId: organiser.organisationId,
            eventSlug: query.data.event,
            ...(query.data.publish === 'true' ? { publication: 'public' as const } : {}),
          });
          return reply.code(202).send(toRecordingView(row, deps.s3Settings.publicBaseUrl));
        } catch (err) {
          if (err instanceof UnknownEventError) return sendError(reply, 404, 'unknown_event', err.message);
          if (err instanceof UploadTooLargeError)
            return sendError(unread(reply), 413, 'too_large', err.message);
          if (request.raw.readableAborted)
            return sendError(
              reply,
              400,
              'upload_interrupted',
              'The upload stopped before the whole file had come',
            );
          throw err;
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );
  });
}

/** The length the request declares, or null when it is sent in chunks. */
function declaredLength(request: FastifyRequest): number | null {
  const header = request.headers['content-length'];
  if (header === undefined) return null;
  const length = Number(header);
  return Number.isFinite(length) ? length : null;
}

/** An answer given before the body was read: the connection closes, so the rest is not read either. */
function unread(reply: FastifyReply): FastifyReply {
  return reply.header('connection', 'close');
}

function refuseEmpty(reply: FastifyReply) {
  return sendError(reply, 400, 'empty_upload', 'The upload is empty: send the recording as the request body');
}
