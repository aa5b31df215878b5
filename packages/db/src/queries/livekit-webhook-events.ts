import type { Queryable } from '../database.ts';

/**
 * Notes a webhook event as processed. False when its id was seen before: LiveKit retries
 * deliveries, and a retried event must change nothing. Call it in the transaction of the effect.
 */
export async function recordLiveKitWebhookEvent(db: Queryable, id: string, event: string): Promise<boolean> {
  const { rows } = await db.query(
    `insert into livekit_webhook_events (id, event) values ($1, $2) on conflict (id) do nothing returning id`,
    [id, event],
  );
  return rows.length > 0;
}

/** Forgets event ids older than any retry LiveKit would still make. */
export async function pruneLiveKitWebhookEvents(db: Queryable, olderThanSeconds: number): Promise<number> {
  const { rows } = await db.query(
    `delete from livekit_webhook_events where received_at < now() - make_interval(secs => $1) returning id`,
    [olderThanSeconds],
  );
  return rows.length;
}
