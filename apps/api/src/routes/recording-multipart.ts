import {
  errors,
  idParams,
  noContent,
  organiserErrors,
  partUrlsInputSchema,
  partUrlsSchema,
  recordingUploadInputSchema,
  recordingUploadListSchema,
  recordingUploadSchema,
  recordingViewSchema,
  security,
  uploadedPartsSchema,
} from '@folkemote/contract';
import { listOpenRecordingUploads } from '@folkemote/db';
import { toRecordingView } from '@folkemote/pipeline';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import {
  abortBrowserUpload,
  browserSigningClient,
  completeBrowserUpload,
  ownUpload,
  signParts,
  startBrowserUpload,
  storedParts,
  toUploadView,
} from '../recordings/browser-uploads.ts';
import { scheduleUploadSweep } from '../recordings/sweep-stale-uploads.ts';

type IdRequest = { Params: { id: string } };

/**
 * Recordings uploaded from the browser straight to the raw bucket as S3 multipart uploads: the
 * API opens the upload, signs each part's URL, tells which parts the store holds (to resume), and
 * completes it into a recording, which then enters the pipeline as an import does. Each upload is
 * its starter's only (the account or API token): anyone else gets 404.
 */
export function registerRecordingMultipartRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const stopSweep = scheduleUploadSweep(deps);
  app.addHook('onClose', async () => stopSweep());
  const guarded = { preHandler: requireOrganiser };

  app.post(
    '/api/recording-uploads',
    {
      ...guarded,
      schema: {
        summary: 'Start a browser upload of a recording (an S3 multipart upload into the raw bucket)',
        tags: ['recordings'],
        security: security.organiser,
        body: recordingUploadInputSchema,
        response: {
          201: recordingUploadSchema,
          ...errors({
            400: 'Invalid input (`fields` names each bad field), or larger than the limit (`too_large`)',
            ...organiserErrors,
            404: 'No event with that slug in the organisation',
          }),
        },
      },
    },
    async (request, reply) => {
      const input = request.body as z.output<typeof recordingUploadInputSchema>;
      const upload = await startBrowserUpload(deps, request.organiser!, input);
      return reply.code(201).header('cache-control', 'no-store').send(toUploadView(upload));
    },
  );

  app.get(
    '/api/recording-uploads',
    {
      ...guarded,
      schema: {
        summary: 'The caller’s browser uploads still open, to resume one after a reload',
        tags: ['recordings'],
        security: security.organiser,
        response: { 200: recordingUploadListSchema, ...errors(organiserErrors) },
      },
    },
    async (request, reply) => {
      const organiser = request.organiser!;
      const uploads = await listOpenRecordingUploads(deps.db, {
        organisationId: organiser.organisationId,
        ownerId: organiser.actorId,
      });
      return reply.header('cache-control', 'no-store').send({ uploads: uploads.map(toUploadView) });
    },
  );
  registerUploadPartRoutes(app, deps, requireOrganiser);
}

/** What is done to one upload by its starter: sign parts, list them, complete, abort. */
function registerUploadPartRoutes(app: FastifyInstance, deps: ApiDeps, requireOrganiser: RequireOrganiser) {
  const signer = browserSigningClient(deps);
  app.addHook('onClose', async () => signer.destroy());
  const tags = ['recordings'];
  const guarded = { preHandler: requireOrganiser };
  const notFound = { 404: 'No upload with that id started by the caller' } as const;
  const notOpen = {
    409: 'The upload is no longer open (`upload_completed`, `upload_aborted`, `upload_completing`)',
  };

  app.post<IdRequest>(
    '/api/recording-uploads/:id/part-urls',
    {
      ...guarded,
      schema: {
        summary: 'Presigned URLs to PUT parts of the upload to (an hour each)',
        tags,
        security: security.organiser,
        params: idParams,
        body: partUrlsInputSchema,
        response: {
          200: partUrlsSchema,
          ...errors({
            400: 'Invalid part numbers (`fields` says why), or beyond the upload’s last part',
            ...organiserErrors,
            ...notFound,
            ...notOpen,
          }),
        },
      },
    },
    async (request, reply) => {
      const upload = await ownUpload(deps, request.organiser!, request.params.id);
      const { partNumbers } = request.body as z.output<typeof partUrlsInputSchema>;
      const signed = await signParts(deps, signer, upload, partNumbers);
      return reply.header('cache-control', 'no-store').send(signed);
    },
  );

  app.get<IdRequest>(
    '/api/recording-uploads/:id/parts',
    {
      ...guarded,
      schema: {
        summary: 'The parts the store holds whole (ListParts), so a resumed upload sends only the rest',
        tags,
        security: security.organiser,
        params: idParams,
        response: { 200: uploadedPartsSchema, ...errors({ ...organiserErrors, ...notFound, ...notOpen }) },
      },
    },
    async (request, reply) => {
      const upload = await ownUpload(deps, request.organiser!, request.params.id);
      const parts = await storedParts(deps, upload);
      return reply
        .header('cache-control', 'no-store')
        .send({ parts: parts.map((p) => ({ partNumber: p.partNumber, size: p.size })) });
    },
  );

  app.post<IdRequest>(
    '/api/recording-uploads/:id/complete',
    {
      ...guarded,
      schema: {
        summary: 'Join the parts into the recording’s source and start processing it',
        tags,
        security: security.organiser,
        params: idParams,
        response: {
          202: recordingViewSchema,
          ...errors({
            ...organiserErrors,
            ...notFound,
            409: 'A part is missing or incomplete (`missing_parts`, `fields.parts` lists them), or the upload is no longer open',
          }),
        },
      },
    },
    async (request, reply) => {
      const upload = await ownUpload(deps, request.organiser!, request.params.id);
      const recording = await completeBrowserUpload(deps, upload);
      return reply.code(202).send(toRecordingView(recording, deps.s3Settings.publicBaseUrl));
    },
  );

  app.delete<IdRequest>(
    '/api/recording-uploads/:id',
    {
      ...guarded,
      schema: {
        summary: 'Abort the upload: the parts sent are dropped',
        tags,
        security: security.organiser,
        params: idParams,
        response: { 204: noContent, ...errors({ ...organiserErrors, ...notFound, ...notOpen }) },
      },
    },
    async (request, reply) => {
      const upload = await ownUpload(deps, request.organiser!, request.params.id);
      await abortBrowserUpload(deps, upload);
      return reply.code(204).send();
    },
  );
}
