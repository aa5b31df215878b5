import {
  errors,
  idParams,
  organiserErrors,
  recordingChaptersBodySchema,
  recordingChaptersSchema,
  security,
} from '@folkemote/contract';
import { findReplayChapters, listManualChapters, replaceManualChapters } from '@folkemote/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps.ts';
import type { RequireOrganiser } from '../auth/organiser-context.ts';
import { ownRecording } from '../recordings/own-recording.ts';

const notOwn = {
  400: 'The id is not a UUID',
  ...organiserErrors,
  404: 'No recording with that id in the organisation',
};

/**
 * Chapters an organiser makes by hand (time and title), beside those from the answered questions.
 * Saving replaces the hand-made ones; a public replay's chapter track and list follow.
 */
export function registerRecordingChapterRoutes(
  server: FastifyInstance,
  deps: ApiDeps,
  requireOrganiser: RequireOrganiser,
) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const view = async (recordingId: string) => {
    const fromQuestions = await findReplayChapters(deps.db, recordingId);
    return {
      chapters: await listManualChapters(deps.db, recordingId),
      fromQuestions: (fromQuestions?.publicKey ? fromQuestions.chapters : []).map((c) => ({
        startSeconds: c.startSeconds,
        title: c.title,
      })),
    };
  };

  app.get(
    '/api/recordings/:id/chapters',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'A recording’s chapters: those made by hand, and those from the answered questions',
        tags: ['recordings'],
        security: security.organiser,
        params: idParams,
        response: { 200: recordingChaptersSchema, ...errors(notOwn) },
      },
    },
    async (request, reply) => {
      const recording = await ownRecording(deps, request, reply);
      if (!recording) return reply;
      return reply.header('cache-control', 'no-store').send(await view(recording.id));
    },
  );

  app.put(
    '/api/recordings/:id/chapters',
    {
      preHandler: requireOrganiser,
      schema: {
        summary: 'Replace the chapters made by hand (a public replay shows them within a minute)',
        tags: ['recordings'],
        security: security.organiser,
        params: idParams,
        body: recordingChaptersBodySchema,
        response: {
          200: recordingChaptersSchema,
          ...errors({
            ...notOwn,
            400: 'The id is not a UUID, or a chapter is invalid (`fields` names it); nothing is saved',
          }),
        },
      },
    },
    async (request, reply) => {
      const recording = await ownRecording(deps, request, reply);
      if (!recording) return reply;
      await replaceManualChapters(deps.db, recording.id, request.body.chapters);
      if (recording.publication === 'public')
        await deps.queues.enqueue('replay.refresh', { recordingId: recording.id });
      return reply.send(await view(recording.id));
    },
  );
}
