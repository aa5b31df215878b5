import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError, sendValidationError } from '../http-errors.ts';
import { findOwnEventId, importRecording, UnknownEventError } from '../recordings/import-recording.ts';
import { toRecordingView } from '../recordings/recording-view.ts';

const uploadQuery = z.object({
  title: z.string().trim().min(3, 'must be at least 3 characters').max(200, 'must be at most 200 characters'),
  event: z.string().optional(),
  /** When given, the organisation the caller means to upload for: a mismatch with the caller's is refused. */
  organisation: z.string().optional(),
  filename: z
    .string()
    .regex(/^[\w.\- ]{1,200}$/, 'must be a plain file name')
    .default('recording.mp4'),
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
  app.addContentTypeParser(mediaTypes, (_request, payload, done) => done(null, payload));
  app.post<{ Querystring: Record<string, string> }>(
    '/api/recordings',
    // Checked on arrival, before a byte of a possibly huge body is read.
    { bodyLimit: 50 * 1024 ** 3, onRequest: requireOrganiser },
    async (request, reply) => {
      const query = uploadQuery.safeParse(request.query);
      if (!query.success) return sendValidationError(reply, query.error);
      if (!request.body || typeof (request.body as NodeJS.ReadableStream).pipe !== 'function') {
        return sendError(
          reply,
          415,
          'unsupported_media_type',
          `Send the recording as the request body with one of: ${mediaTypes.join(', ')}`,
        );
      }
      const organiser = request.organiser!;
      if (query.data.organisation !== undefined && query.data.organisation !== organiser.organisationSlug)
        return sendError(
          reply,
          403,
          'other_organisation',
          `Your credentials are for ${organiser.organisationSlug}, not ${query.data.organisation}`,
        );
      // Before a byte of the body is read: another organisation's event is as unknown as a missing one.
      const event = query.data.event;
      if (event && !(await findOwnEventId(deps, organiser.organisationId, event)))
        return sendError(reply, 404, 'unknown_event', new UnknownEventError(event).message);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'folkemote-upload-'));
      try {
        const file = path.join(dir, path.basename(query.data.filename));
        await pipeline(request.body as NodeJS.ReadableStream, createWriteStream(file));
        const row = await importRecording(deps, {
          file,
          title: query.data.title,
          organisationId: organiser.organisationId,
          eventSlug: query.data.event,
        });
        return reply.code(202).send(toRecordingView(row, deps.s3Settings.publicBaseUrl));
      } catch (err) {
        if (err instanceof UnknownEventError) return sendError(reply, 404, 'unknown_event', err.message);
        throw err;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
}
