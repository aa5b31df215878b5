import { clearEndedBroadcastHighlight } from '../questions/broadcast-highlight.ts';
import type { LiveContext } from './live-context.ts';

/** The host ended the broadcast: the question shown to its viewers is taken off. */
export function clearHighlight(ctx: LiveContext, eventId: string): Promise<void> {
  const { db, s3, s3Settings, log } = ctx.deps;
  return clearEndedBroadcastHighlight({ db, s3, publicBucket: s3Settings.publicBucket, log }, eventId);
}
