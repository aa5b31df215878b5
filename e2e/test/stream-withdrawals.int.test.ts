import { createApiToken } from '@folkemote/accounts';
import { revokeApiToken } from '@folkemote/db';
import type { RoomView } from '@folkemote/domain';
import { publishAccessWithdrawal } from '@folkemote/queue';
import {
  apiAt,
  createTestApiToken,
  createTestEvent,
  createTestOrganiser,
  createTestStaffLink,
  dataOf,
  json,
  openSse,
  registerForTest,
  type SharedInstances,
  type SseClient,
  signInForTest,
  startSharedInstances,
} from '@folkemote/system/testing';
import { jobRegistry, type WorkerDeps } from '@folkemote/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamAccessFor } from '../../apps/api/src/realtime/stream-access.ts';

let shared: SharedInstances;
let a: SharedInstances['instances'][0];
let b: SharedInstances['instances'][0];
let hostToken: string;
beforeAll(async () => {
  shared = await startSharedInstances(2);
  [a, b] = shared.instances as [typeof a, typeof b];
  hostToken = await createTestApiToken(a);
});
afterAll(async () => {
  await shared?.stop();
});

const questionsOn = (base: string, slug: string) => `${base}/api/events/${slug}/questions`;
const roomOn = (base: string, slug: string) => `${base}/api/events/${slug}/room`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Resolves with how long the stream took to end, or rejects when it is still open after `ms`. */
async function endsWithin(client: SseClient, ms: number): Promise<number> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.ended,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`The stream was still open after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return Date.now() - started;
}

/** What a reconnection gets: the status and error code of the refusal (or 200 and no code). */
async function reconnect(url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
  if (response.status === 200) {
    await response.body?.cancel();
    return { status: 200, code: null };
  }
  const body = (await response.json()) as { error: { code: string } };
  return { status: response.status, code: body.error.code };
}

async function person(slug: string, name: string) {
  return registerForTest(a.url, slug, { name, email: `${name.toLowerCase()}-${slug}@example.no` });
}

async function snapshotStream(url: string, headers: Record<string, string>): Promise<SseClient> {
  const stream = await openSse(url, headers);
  expect(stream.status).toBe(200);
  await stream.waitFor((e) => e.some((x) => x.event === 'snapshot'));
  return stream;
}

async function roomStream(url: string, headers: Record<string, string>): Promise<SseClient> {
  const stream = await openSse(url, headers);
  expect(stream.status).toBe(200);
  await stream.waitFor((e) => e.some((x) => x.event === 'room'));
  return stream;
}

describe('a right withdrawn on one instance ends the streams it opened on another', () => {
  it('closes a moderator’s Q&A stream within a second of the link being revoked, and refuses it back', async () => {
    const event = await createTestEvent(shared.database.db, { capacity: 10 });
    const moderator = await createTestStaffLink(a, event, 'moderator');
    const colleague = await createTestStaffLink(a, event, 'moderator', 'Mari Moderator');
    const url = questionsOn(b.url, event.slug);
    const revoked = await snapshotStream(url, bearer(moderator.token));
    const kept = await snapshotStream(url, bearer(colleague.token));

    const response = await apiAt(a.url)(
      'DELETE',
      `/api/organiser/events/${event.slug}/staff/${moderator.id}`,
      hostToken,
    );
    expect(response.status).toBe(204);
    expect(await endsWithin(revoked, 1000)).toBeLessThan(1000);
    expect(await reconnect(url, bearer(moderator.token))).toEqual({ status: 401, code: 'invalid_link' });

    // The other moderator's stream goes on and still gets the changes.
    const attendee = await person(event.slug, 'Ada');
    await json(
      await apiAt(a.url)('POST', `/api/events/${event.slug}/questions`, attendee.joinToken, {
        text: 'Kommer opptaket ut?',
      }),
      201,
    );
    await kept.waitFor((e) => e.some((x) => x.event === 'question'));
    await kept.close();
  });

  it('closes an attendee’s Q&A stream when they cancel, and refuses it back', async () => {
    const event = await createTestEvent(shared.database.db, { capacity: 10 });
    const attendee = await person(event.slug, 'Bo');
    const url = questionsOn(b.url, event.slug);
    const stream = await snapshotStream(url, bearer(attendee.joinToken));

    const cancelled = await apiAt(a.url)('POST', '/api/registrations/me/cancel', attendee.joinToken);
    expect(cancelled.status).toBe(200);
    await endsWithin(stream, 1000);
    expect(await reconnect(url, bearer(attendee.joinToken))).toEqual({
      status: 403,
      code: 'registration_cancelled',
    });
  });

  it('closes an attendee’s Q&A and room streams when they delete their data', async () => {
    const event = await createTestEvent(shared.database.db, { capacity: 10 });
    const attendee = await person(event.slug, 'Cato');
    const questions = await snapshotStream(questionsOn(b.url, event.slug), bearer(attendee.joinToken));
    const room = await roomStream(roomOn(b.url, event.slug), bearer(attendee.joinToken));

    expect((await apiAt(a.url)('DELETE', '/api/registrations/me', attendee.joinToken)).status).toBe(200);
    await Promise.all([endsWithin(questions, 1000), endsWithin(room, 1000)]);
    expect(await reconnect(questionsOn(b.url, event.slug), bearer(attendee.joinToken))).toEqual({
      status: 401,
      code: 'invalid_link',
    });
  });

  it('closes the room stream of someone removed from the room, and keeps them out of it', async () => {
    const event = await createTestEvent(shared.database.db, { capacity: 10 });
    const moderator = await createTestStaffLink(a, event, 'moderator');
    const removed = await person(event.slug, 'Dina');
    const staying = await person(event.slug, 'Even');
    const api = apiAt(a.url);
    expect((await api('POST', `/api/events/${event.slug}/room/open`, hostToken)).status).toBe(200);
    expect((await api('POST', `/api/events/${event.slug}/room/live`, hostToken)).status).toBe(200);
    const join = async (token: string) =>
      (await json<{ identity: string }>(await api('POST', `/api/events/${event.slug}/join`, token, {}), 200))
        .identity;
    const identity = await join(removed.joinToken);
    await join(staying.joinToken);

    const url = roomOn(b.url, event.slug);
    const removedStream = await roomStream(url, bearer(removed.joinToken));
    const stayingStream = await roomStream(url, bearer(staying.joinToken));
    const removedQuestions = await snapshotStream(questionsOn(b.url, event.slug), bearer(removed.joinToken));

    const removal = await api('POST', `/api/events/${event.slug}/room/remove`, moderator.token, { identity });
    expect(removal.status).toBe(200);
    await endsWithin(removedStream, 1000);
    expect(await reconnect(url, bearer(removed.joinToken))).toEqual({
      status: 403,
      code: 'removed_from_room',
    });
    expect((await api('POST', `/api/events/${event.slug}/join`, removed.joinToken, {})).status).toBe(403);

    // Only the removed person's room stream ends: the others stay, and the Q&A is not the room.
    await expect(endsWithin(stayingStream, 300)).rejects.toThrow(/still open/);
    await expect(endsWithin(removedQuestions, 10)).rejects.toThrow(/still open/);
    expect(dataOf<RoomView>(stayingStream.events.at(-1)!).status).toBe('live');
    expect(await reconnect(url, bearer(staying.joinToken))).toEqual({ status: 200, code: null });
    await Promise.all([stayingStream.close(), removedQuestions.close()]);
  });

  it('ends everyone’s streams when the event is cancelled, and opens none after', async () => {
    const event = await createTestEvent(shared.database.db, { capacity: 10 });
    const moderator = await createTestStaffLink(a, event, 'moderator');
    const attendee = await person(event.slug, 'Frida');
    const streams = [
      await snapshotStream(questionsOn(b.url, event.slug), bearer(moderator.token)),
      await snapshotStream(questionsOn(b.url, event.slug), bearer(attendee.joinToken)),
      await snapshotStream(questionsOn(a.url, event.slug), bearer(hostToken)),
      await roomStream(roomOn(b.url, event.slug), bearer(hostToken)),
    ];

    expect((await apiAt(a.url)('POST', `/api/events/${event.slug}/cancel`, hostToken)).status).toBe(200);
    await Promise.all(streams.map((stream) => endsWithin(stream, 1000)));
    for (const [url, token] of [
      [questionsOn(b.url, event.slug), attendee.joinToken],
      [questionsOn(a.url, event.slug), hostToken],
      [roomOn(b.url, event.slug), moderator.token],
    ] as const)
      expect(await reconnect(url, bearer(token))).toEqual({ status: 403, code: 'event_cancelled' });
  });

  it('closes an organiser’s streams when they sign out', async () => {
    const event = await createTestEvent(shared.database.db, { capacity: 10 });
    const organiser = await createTestOrganiser(a);
    const { cookie, csrfToken } = await signInForTest(a.url, organiser);
    const url = questionsOn(b.url, event.slug);
    const stream = await snapshotStream(url, { cookie });

    const out = await fetch(`${a.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    await endsWithin(stream, 1000);
    expect(await reconnect(url, { cookie })).toEqual({ status: 401, code: 'not_signed_in' });
  });

  it('closes the streams opened with an API token when it is revoked from the command line', async () => {
    const event = await createTestEvent(shared.database.db, { capacity: 10 });
    const { id, token } = await createApiToken(shared.database.db, {
      organisationSlug: 'testkommune',
      name: 'CMS',
    });
    const url = questionsOn(b.url, event.slug);
    const stream = await snapshotStream(url, bearer(token));

    // What `pnpm cli tokens revoke` does: revoke it in the database, then tell the instances.
    expect(await revokeApiToken(shared.database.db, id)).toBe(true);
    await publishAccessWithdrawal(a.deps.redis, a.deps.config.redis.queuePrefix, {
      scope: 'grant',
      kind: 'api_token',
      id,
    });
    await endsWithin(stream, 1000);
    expect(await reconnect(url, bearer(token))).toEqual({ status: 401, code: 'invalid_token' });
  });

  it('ends the deleted registrants’ streams when the worker’s retention run deletes their data', async () => {
    const event = await createTestEvent(shared.database.db, { capacity: 10, retentionDays: 0 });
    const attendee = await person(event.slug, 'Gro');
    const moderator = await createTestStaffLink(a, event, 'moderator');
    const url = questionsOn(b.url, event.slug);
    const attendeeStream = await snapshotStream(url, bearer(attendee.joinToken));
    const moderatorStream = await snapshotStream(url, bearer(moderator.token));
    await shared.database.db.query(
      `update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours'
       where id = $1`,
      [event.id],
    );

    // The job as the worker runs it: it announces on Redis itself, through no API route.
    const retention = jobRegistry['registration.retention'];
    const workerDeps = { ...a.deps, mail: null } as unknown as WorkerDeps;
    await retention.handle(workerDeps, {}, {} as Parameters<typeof retention.handle>[2]);
    await endsWithin(attendeeStream, 1000);
    expect(await reconnect(url, bearer(attendee.joinToken))).toEqual({ status: 401, code: 'invalid_link' });

    // Staff streams stand on their own links and go on.
    const patched = await apiAt(a.url)('PATCH', `/api/events/${event.slug}/qa`, moderator.token, {
      sort: 'recent',
    });
    expect(patched.status).toBe(200);
    await moderatorStream.waitFor((e) => e.some((x) => x.event === 'settings'));
    await moderatorStream.close();
  });
});

describe('the slow re-check', () => {
  it('ends a stream whose right went without a message', async () => {
    const event = await createTestEvent(shared.database.db, { capacity: 10 });
    const moderator = await createTestStaffLink(a, event, 'moderator');
    const attendee = await person(event.slug, 'Hilde');
    const url = questionsOn(b.url, event.slug);
    const revoked = await snapshotStream(url, bearer(moderator.token));
    const kept = await snapshotStream(url, bearer(attendee.joinToken));
    // Revoked in the database alone: no instance announced it.
    await shared.database.db.query('update event_staff set revoked_at = now() where id = $1', [moderator.id]);

    const access = streamAccessFor(b.app, b.deps);
    expect(await access.recheck()).toBe(1);
    await endsWithin(revoked, 1000);
    await expect(endsWithin(kept, 300)).rejects.toThrow(/still open/);
    expect(await access.recheck()).toBe(0);
    await kept.close();
  });
});
