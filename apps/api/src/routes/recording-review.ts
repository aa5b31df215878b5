import {
  errors,
  idParams,
  organiserErrors,
  recordingDeletedSchema,
  recordingPublicationSchema,
  recordingRenameBodySchema,
  recordingRenamedSchema,
  security,
} from '@folkemote/contract';
import { renameRecording, setRecordingPublication } from '@folkemote/db';
import { isPlayable, isProgressStalled } from '@folkemote/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { sendError } from '../http-errors.ts';
import { deleteRecording } from '../recordings/delete-recording.ts';
import { ownRecording } from '../recordings/own-recording.ts';

const tags = ['recordings'];
const notOwn = {
  400: 'The id is not a UUID',
  ...organiserErrors,
  404: 'No recording with that id in the organisation',
};

/**
 * What the public site shows of a recording, decided by its organisers: publish a held or
 * unpublished recording, unpublish a public one, rename it, delete it. Only organisers of the
 * recording's organisation; another organisation's recording is as unknown as a missing one.
 * The public bucket follows through the worker (`replay.refresh`, then `site.rebuild`).
 */
export function registerRecordingReviewRoutes(
  server: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const guarded = { preHandler: requireOrganiser };
  const follow = async (recordingId: string) => {
    await deps.queues.enqueue('replay.refresh', { recordingId });
    await deps.queues.enqueue('site.rebuild', {});
  };

  app.post(
    '/api/recordings/:id/publish',
    {
      ...guarded,
      schema: {
        summary: 'Publish a processed recording (held for review, or unpublished before) on the public site',
        tags,
        security: security.organiser,
        params: idParams,
        response: {
          202: recordingPublicationSchema,
          ...errors({ ...notOwn, 409: 'The recording has no processed version yet (`not_processed`)' }),
        },
      },
    },
    async (request, reply) => {
      const recording = await ownRecording(deps, request, reply);
      if (!recording) return reply;
      if (!isPlayable(recording.state))
        return sendError(reply, 409, 'not_processed', 'Only a processed recording can be published');
      await setRecordingPublication(deps.db, recording.id, 'public');
      await follow(recording.id);
      deps.log.info({ recordingId: recording.id }, 'recording published by an organiser');
      return reply.code(202).send({ id: recording.id, publication: 'public' as const });
    },
  );

  app.post(
    '/api/recordings/:id/unpublish',
    {
      ...guarded,
      schema: {
        summary: 'Take a public recording off the public site; its version is kept for a later re-publish',
        tags,
        security: security.organiser,
        params: idParams,
        response: {
          202: recordingPublicationSchema,
          ...errors({ ...notOwn, 409: 'The recording is not public (`not_public`)' }),
        },
      },
    },
    async (request, reply) => {
      const recording = await ownRecording(deps, request, reply);
      if (!recording) return reply;
      if (recording.publication !== 'public')
        return sendError(reply, 409, 'not_public', 'Only a public recording can be unpublished');
      await setRecordingPublication(deps.db, recording.id, 'unpublished');
      await follow(recording.id);
      deps.log.info({ recordingId: recording.id }, 'recording unpublished by an organiser');
      return reply.code(202).send({ id: recording.id, publication: 'unpublished' as const });
    },
  );

  app.patch(
    '/api/recordings/:id',
    {
      ...guarded,
      schema: {
        summary: 'Rename a recording (a public one’s pages, archive and feeds follow)',
        tags,
        security: security.organiser,
        params: idParams,
        body: recordingRenameBodySchema,
        response: {
          200: recordingRenamedSchema,
          ...errors({
            ...notOwn,
            400: 'The id is not a UUID, or the title is empty, too long or holds control characters',
          }),
        },
      },
    },
    async (request, reply) => {
      const recording = await ownRecording(deps, request, reply);
      if (!recording) return reply;
      await renameRecording(deps.db, recording.id, request.body.title);
      if (recording.publication === 'public') await follow(recording.id);
      return reply.send({ id: recording.id, title: request.body.title });
    },
  );

  app.delete(
    '/api/recordings/:id',
    {
      ...guarded,
      schema: {
        summary:
          'Delete a recording for good: its source, every version (public or under review) and its row',
        tags,
        security: security.organiser,
        params: idParams,
        response: {
          200: recordingDeletedSchema,
          ...errors({
            ...notOwn,
            409: 'The recording is being processed (`processing`); wait, or delete it once stalled',
          }),
        },
      },
    },
    async (request, reply) => {
      const recording = await ownRecording(deps, request, reply);
      if (!recording) return reply;
      const stalled = isProgressStalled(
        recording.state,
        recording.progress,
        new Date(recording.updatedAt),
        new Date(),
      );
      if (recording.state === 'processing' && !stalled)
        return sendError(reply, 409, 'processing', 'A recording being processed cannot be deleted yet');
      const objects = await deleteRecording(deps, recording);
      return reply.send({ id: recording.id, deleted: true as const, objects });
    },
  );
}
