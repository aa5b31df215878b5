import type { PublicEvent } from '@folkemote/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../api-deps.ts';
import { sendError } from '../http-errors.ts';
import type { EventActor } from '../participants/index.ts';
import { resolveEventActor } from '../participants/resolve-event-actor.ts';
import { channelHubFor } from '../realtime/channel-hub.ts';
import { sseHubFor } from '../realtime/sse-stream.ts';
import { streamAccessFor } from '../realtime/stream-access.ts';
import { createBroadcastHighlightWriter } from './broadcast-highlight.ts';
import { publishQuestionChanges, type QuestionDeps, questionChannel } from './question-deps.ts';
import { createQuestionFeeds } from './question-feeds.ts';
import { createQuestionRateLimit, questionRateLimitsFrom } from './question-rate-limit.ts';

/**
 * What the Q&A and poll routes share, built once per server: the announce after a change, the
 * one feed per event, the event streams, and the per-person rate limit.
 */
export function createQaContext(app: FastifyInstance, deps: ApiDeps) {
  const prefix = deps.config.redis.queuePrefix;
  const log = deps.log.child({ component: 'questions' });
  const hub = channelHubFor(app, deps.redis, deps.log);
  const announce = (eventId: string, seq: number) => publishQuestionChanges(hub, prefix, eventId, seq);
  const feeds = createQuestionFeeds({
    db: deps.db,
    hub,
    log,
    channelFor: (eventId) => questionChannel(prefix, eventId),
  });
  app.addHook('onClose', async () => feeds.close());
  const limits = questionRateLimitsFrom(deps.config.questions);
  const rateLimit = createQuestionRateLimit(deps.redis, prefix, limits);
  const highlights = createBroadcastHighlightWriter({
    db: deps.db,
    s3: deps.s3,
    publicBucket: deps.s3Settings.publicBucket,
    log,
  });
  app.addHook('onClose', async () => highlights.settled());
  const highlightChanged = (eventId: string) => void highlights.changed(eventId);
  const questionDeps: QuestionDeps = { db: deps.db, log, announce, highlightChanged };
  const pollDeps: QuestionDeps = { db: deps.db, log: deps.log.child({ component: 'polls' }), announce };

  return {
    deps,
    questionDeps,
    pollDeps,
    feeds,
    sse: sseHubFor(app),
    access: streamAccessFor(app, deps),

    /**
     * One person's turn under the ask or vote limit; false once a 429 with `Retry-After` is
     * sent (`what` finishes "You can … at most N times a minute").
     */
    async allow(reply: FastifyReply, kind: 'ask' | 'vote', actorId: string, what: string): Promise<boolean> {
      const wait = await rateLimit.hit(kind, actorId);
      if (wait === null) return true;
      sendError(
        reply.header('retry-after', String(wait)),
        429,
        'rate_limited',
        `You can ${what} at most ${limits[kind].limit} times a minute; try again in ${wait} seconds`,
      );
      return false;
    },

    /**
     * For routes under /api/questions/{id} and /api/polls/{id}: the thing, its event and who
     * is acting, or null once answered. What the actor may not see is as unknown as a missing one.
     */
    async actorFor<T, E extends Pick<PublicEvent, 'id' | 'organisation'>>(
      request: FastifyRequest,
      reply: FastifyReply,
      found: { item: T; event: E | null } | null,
      notFound: { code: string; message: string },
      sees: (item: T, actor: EventActor) => boolean,
    ): Promise<{ item: T; event: E; actor: EventActor } | null> {
      if (!found?.event) {
        sendError(reply, 404, notFound.code, notFound.message);
        return null;
      }
      const result = await resolveEventActor(deps, request, found.event);
      if (!result.ok) {
        sendError(reply, result.status, result.code, result.message);
        return null;
      }
      if (!sees(found.item, result.actor)) {
        sendError(reply, 404, notFound.code, notFound.message);
        return null;
      }
      return { item: found.item, event: found.event, actor: result.actor };
    },
  };
}
export type QaContext = ReturnType<typeof createQaContext>;

/** The CSV exports are for hosts and moderators; false once the 403 is sent. */
export function allowCsv(reply: FastifyReply, actor: EventActor): boolean {
  if (actor.role === 'host' || actor.role === 'moderator') return true;
  sendError(reply, 403, 'forbidden_for_role', `This is not open to the ${actor.role} role`);
  return false;
}

/** A CSV download, never cached. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}
