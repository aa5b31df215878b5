import type { S3Client } from '@aws-sdk/client-s3';
import { findBroadcastForEvent, findHighlightedQuestion, type Queryable } from '@folkemote/db';
import { type BroadcastHighlight, broadcastHighlightSchema } from '@folkemote/domain';
import type { Logger } from '@folkemote/logger';
import { publicKeys, putObject } from '@folkemote/storage';

export interface HighlightWriterDeps {
  db: Queryable;
  s3: S3Client;
  publicBucket: string;
  log: Logger;
  /** Pause before the n-th retry (1-based); a short backoff by default. */
  retryDelayMs?: (attempt: number) => number;
}

const attempts = 4;

/**
 * Keeps `replays/<broadcast>/highlight.json` — what every viewer of the live page polls — in step
 * with the question being answered: its id and text only, never who asked. Written straight to the
 * public bucket after the moderator's change commits (no queue: the page shows it within seconds).
 * Writes for one event run one after another, each reading the state it writes, so a late write
 * never puts back an older highlight. A failed write is retried and then logged; it never fails the
 * moderator's action.
 */
export function createBroadcastHighlightWriter(deps: HighlightWriterDeps) {
  const queues = new Map<string, Promise<void>>();
  const delay = deps.retryDelayMs ?? ((attempt: number) => 200 * 2 ** attempt);

  async function writeWithRetries(eventId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await writeBroadcastHighlight(deps, eventId);
        return;
      } catch (err) {
        if (attempt >= attempts) {
          deps.log.warn({ err, eventId }, 'broadcast highlight could not be written');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay(attempt)));
      }
    }
  }

  return {
    /** Rewrites the event's highlight file (if it is broadcast); resolves when written or given up. */
    changed(eventId: string): Promise<void> {
      const next = (queues.get(eventId) ?? Promise.resolve()).then(() => writeWithRetries(eventId));
      queues.set(eventId, next);
      void next.finally(() => {
        if (queues.get(eventId) === next) queues.delete(eventId);
      });
      return next;
    },
    /** Every write asked for so far has finished (a server closing waits for them). */
    async settled(): Promise<void> {
      await Promise.all([...queues.values()]);
    },
  };
}
export type BroadcastHighlightWriter = ReturnType<typeof createBroadcastHighlightWriter>;

/**
 * One write of the highlight file from the database; nothing for an event without a broadcast,
 * and no question once the broadcast has ended.
 */
export async function writeBroadcastHighlight(
  deps: Pick<HighlightWriterDeps, 'db' | 's3' | 'publicBucket'>,
  eventId: string,
): Promise<BroadcastHighlight | null> {
  const broadcast = await findBroadcastForEvent(deps.db, eventId);
  if (!broadcast) return null;
  // Once the broadcast has ended, nobody is shown a question: the file keeps no question's text.
  const question = broadcast.status === 'ended' ? null : await findHighlightedQuestion(deps.db, eventId);
  const highlight = broadcastHighlightSchema.parse({
    question: question ? { id: question.id, text: question.text } : null,
    updatedAt: new Date().toISOString(),
  });
  await putObject(deps.s3, {
    bucket: deps.publicBucket,
    key: publicKeys.broadcastHighlight(broadcast.id),
    body: JSON.stringify(highlight),
    contentType: 'application/json',
    cacheControl: 'public, max-age=1',
  });
  return highlight;
}

/** After the host ended a broadcast: its highlight file is emptied (one try; logged on failure). */
export async function clearEndedBroadcastHighlight(
  deps: Pick<HighlightWriterDeps, 'db' | 's3' | 'publicBucket' | 'log'>,
  eventId: string,
): Promise<void> {
  await writeBroadcastHighlight(deps, eventId).catch((err) =>
    deps.log.warn({ err, eventId }, 'broadcast highlight could not be emptied'),
  );
}
