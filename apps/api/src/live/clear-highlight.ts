import { clearEndedBroadcastHighlight } from '../questions/broadcast-highlight.ts';
import type { LiveContext } from './live-context.ts';

/**
 * After the host stopped the recording or ended the webinar: an ended broadcast's viewers are shown
 * no question (nothing is written for an event without a broadcast).
 */
export function clearHighlight(ctx: LiveContext, eventId: string): Promise<void> {
  const { db, s3, s3Settings, log } = ctx.deps;
  return clearEndedBroadcastHighlight({ db, s3, publicBucket: s3Settings.publicBucket, log }, eventId);
}
