import { apiAt, createTestApiToken, json, type TestSystem } from '@folkemote/system/testing';

/**
 * Marks the event as a broadcast through the organiser's API, as the event editor does, and
 * returns the broadcast's public address (`replays/<id>/index.html` on the public site) and id.
 * The test event publishes its recordings automatically, so the replay stays at the address.
 */
export async function makeBroadcastEvent(
  system: TestSystem,
  event: { slug: string },
): Promise<{ id: string; url: string }> {
  const api = apiAt(system.url);
  const organiser = await createTestApiToken(system);
  const changed = await json<{ broadcast: boolean }>(
    await api('PATCH', `/api/events/${event.slug}`, organiser, { broadcast: true }),
    200,
  );
  if (!changed.broadcast) throw new Error('The event did not become a broadcast');
  return json<{ id: string; url: string }>(
    await api('GET', `/api/events/${event.slug}/broadcast`, organiser),
    200,
  );
}
