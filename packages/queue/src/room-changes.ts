/**
 * Every API instance streams room views to its own visitors; a change made anywhere (another
 * instance, a webhook, the worker's reconciler) is announced on the event's channel, and each
 * instance rebuilds its visitors' views from the database. The message carries the event id only.
 */
export function roomChangeChannel(prefix: string, eventId: string): string {
  return `${prefix}:room-changed:${eventId}`;
}

export async function publishRoomChange(
  redis: { publish(channel: string, message: string): Promise<unknown> },
  prefix: string,
  eventId: string,
): Promise<void> {
  await redis.publish(roomChangeChannel(prefix, eventId), eventId);
}
