import type { Database } from '@folkemote/db';
import type { Logger } from '@folkemote/logger';
import type { ChannelHub } from '../realtime/channel-hub.ts';

export interface QuestionDeps {
  db: Database;
  /** Tells every API instance that the event's changes up to `seq` are committed. */
  announce(eventId: string, seq: number): Promise<void>;
  /**
   * Called after a commit that changed the highlighted question (a broadcast's viewers are shown
   * it); does not wait and never fails the change.
   */
  highlightChanged?(eventId: string): void;
  log: Logger;
}

/** The Redis channel an event's Q&A changes are announced on; the message is the latest change number. */
export function questionChannel(prefix: string, eventId: string): string {
  return `${prefix}:qa:${eventId}`;
}

/** Tells every API instance, through the server's pub/sub hub, that the event's changes up to `seq` are committed. */
export function publishQuestionChanges(
  hub: Pick<ChannelHub, 'publish'>,
  prefix: string,
  eventId: string,
  seq: number,
): Promise<void> {
  return hub.publish(questionChannel(prefix, eventId), String(seq));
}
