import { findBroadcastForEvent } from '@folkemote/db';
import { broadcastHighlightSchema } from '@folkemote/domain';
import type { JobName } from '@folkemote/queue';
import { publicKeys } from '@folkemote/storage';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callAs,
  createLiveEvent,
  createTestApiToken,
  type LiveEvent,
  registerForTest,
  roomAction,
  roomViewAs,
  until,
} from '../src/testing/index.ts';

let system: TestSystem;
let otherToken: string;
let enqueued: { name: JobName; payload: unknown }[];

beforeAll(async () => {
  // Every test registers people from one address.
  system = await startTestSystem({ REGISTRATION_RATE_LIMIT: '10000' });
  otherToken = await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
  // Every job the API (and the worker) enqueues, as handed to the queue.
  const enqueue = system.deps.queues.enqueue.bind(system.deps.queues);
  vi.spyOn(system.deps.queues, 'enqueue').mockImplementation(async (name, payload, options) => {
    enqueued.push({ name, payload });
    return enqueue(name, payload, options);
  });
});
beforeEach(() => {
  enqueued = [];
});
afterAll(async () => {
  vi.restoreAllMocks();
  await system?.stop();
});

const jobsFor = (name: JobName, eventId: string) =>
  enqueued.filter((job) => job.name === name && (job.payload as { eventId?: string }).eventId === eventId);

async function broadcastEvent(): Promise<LiveEvent & { broadcastId: string }> {
  const event = await createLiveEvent(system);
  const set = await callAs(system, event.hostToken, 'PATCH', `/api/events/${event.slug}`, {
    broadcast: true,
  });
  expect(set.status).toBe(200);
  expect(set.body.broadcast).toBe(true);
  const broadcast = await findBroadcastForEvent(system.deps.db, event.id);
  return { ...event, broadcastId: broadcast!.id };
}

async function readHighlight(broadcastId: string) {
  const url = `${system.deps.s3Settings.publicBaseUrl}/${publicKeys.broadcastHighlight(broadcastId)}`;
  const missing = (status: number) => ({ status, text: '', cacheControl: null, type: null });
  try {
    const response = await fetch(url);
    if (response.status !== 200) return missing(response.status);
    return {
      status: 200,
      text: await response.text(),
      cacheControl: response.headers.get('cache-control'),
      type: response.headers.get('content-type'),
    };
  } catch {
    // The embedded S3 server may drop a read that meets its own write of the same object; a
    // viewer's page polls again, and so does this.
    return missing(0);
  }
}

describe('the broadcast flag', () => {
  it('reserves the broadcast on the flag, refreshes its page on every later edit, and keeps the address', async () => {
    const event = await broadcastEvent();
    const broadcast = await findBroadcastForEvent(system.deps.db, event.id);
    expect(broadcast).toMatchObject({ status: 'scheduled', egressId: null });
    expect((await roomViewAs(system, event.slug, event.hostToken)).broadcast).toBe('scheduled');
    const page = (await (await fetch(`${system.url}/api/events/${event.slug}`)).json()) as Record<
      string,
      unknown
    >;
    expect(page.broadcastUrl).toBe(
      `${system.deps.s3Settings.publicBaseUrl}/replays/${event.broadcastId}/index.html`,
    );
    expect(jobsFor('broadcast.refresh', event.id)).toHaveLength(1);

    const edited = await callAs(system, event.hostToken, 'PATCH', `/api/events/${event.slug}`, {
      title: 'Budsjettet for 2027 – direkte',
    });
    expect(edited.status).toBe(200);
    expect(jobsFor('broadcast.refresh', event.id)).toHaveLength(2);
    expect((await findBroadcastForEvent(system.deps.db, event.id))!.id).toBe(event.broadcastId);

    const off = await callAs(system, event.hostToken, 'PATCH', `/api/events/${event.slug}`, {
      broadcast: false,
    });
    expect(off.status).toBe(200);
    expect(off.body.broadcast).toBe(false);
    expect((await roomViewAs(system, event.slug, event.hostToken)).broadcast).toBeNull();
    const offPage = (await (await fetch(`${system.url}/api/events/${event.slug}`)).json()) as Record<
      string,
      unknown
    >;
    expect(offPage.broadcastUrl).toBeNull();
    // The page is rewritten once more (it then says the event is not broadcast); the address stays reserved.
    expect(jobsFor('broadcast.refresh', event.id)).toHaveLength(3);
    const onAgain = await callAs(system, event.hostToken, 'PATCH', `/api/events/${event.slug}`, {
      broadcast: true,
    });
    expect(onAgain.status).toBe(200);
    expect((await findBroadcastForEvent(system.deps.db, event.id))!.id).toBe(event.broadcastId);
  });

  it('shows the broadcast’s address and embed to its organisers only', async () => {
    const event = await broadcastEvent();
    const shown = await callAs(system, event.hostToken, 'GET', `/api/events/${event.slug}/broadcast`);
    expect(shown.status).toBe(200);
    const address = `${system.deps.s3Settings.publicBaseUrl}/replays/${event.broadcastId}/`;
    expect(shown.body).toMatchObject({ status: 'scheduled', url: address, embedUrl: `${address}embed.html` });
    expect(shown.body.embedCode).toContain(
      `<iframe src="${address}embed.html" width="640" height="360" title="`,
    );
    const other = await callAs(system, otherToken, 'GET', `/api/events/${event.slug}/broadcast`);
    expect(other.status).toBe(404);
    expect(other.body.error?.code).toBe('event_not_found');
    const plain = await createLiveEvent(system);
    const none = await callAs(system, plain.hostToken, 'GET', `/api/events/${plain.slug}/broadcast`);
    expect(none.status).toBe(404);
    expect(none.body.error?.code).toBe('not_broadcast');
  });

  it('enqueues nothing for an event that is not broadcast', async () => {
    const event = await createLiveEvent(system);
    const edited = await callAs(system, event.hostToken, 'PATCH', `/api/events/${event.slug}`, {
      title: 'Et vanlig webinar',
    });
    expect(edited.status).toBe(200);
    expect(jobsFor('broadcast.refresh', event.id)).toEqual([]);
    expect(await findBroadcastForEvent(system.deps.db, event.id)).toBeNull();
  });

  it('refuses an organiser of another organisation the flag, as an unknown event', async () => {
    const event = await createLiveEvent(system);
    const refused = await callAs(system, otherToken, 'PATCH', `/api/events/${event.slug}`, {
      broadcast: true,
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error?.code).toBe('event_not_found');
    expect(await findBroadcastForEvent(system.deps.db, event.id)).toBeNull();
    expect(jobsFor('broadcast.refresh', event.id)).toEqual([]);
  });
});

describe('going live and ending', () => {
  it('goes live with the recording, refuses switching the flag off while live, and ends once', async () => {
    const event = await broadcastEvent();
    expect((await roomAction(system, event.slug, event.hostToken, 'open')).status).toBe(200);
    expect((await roomAction(system, event.slug, event.hostToken, 'live')).status).toBe(200);
    expect((await roomAction(system, event.slug, event.hostToken, 'recording/start')).status).toBe(200);

    const live = await findBroadcastForEvent(system.deps.db, event.id);
    const [egress] = system.liveKitStandIn!.egress().filter((e) => e.roomName === `event-${event.id}`);
    expect(live).toMatchObject({ status: 'live', egressId: egress!.egressId, liveSince: expect.any(String) });
    expect(jobsFor('broadcast.refresh', event.id).length).toBeGreaterThanOrEqual(2);

    const off = await callAs(system, event.hostToken, 'PATCH', `/api/events/${event.slug}`, {
      broadcast: false,
    });
    expect(off.status).toBe(409);
    expect(off.body.error?.code).toBe('broadcast_live');

    await new Promise((resolve) => setTimeout(resolve, 1500));
    enqueued = [];
    expect((await roomAction(system, event.slug, event.hostToken, 'end')).status).toBe(200);
    const ended = await findBroadcastForEvent(system.deps.db, event.id);
    expect(ended).toMatchObject({ status: 'ended', endedAt: expect.any(String) });
    // Nobody is shown a question after the end: the highlight file holds none.
    const emptied = await readHighlight(event.broadcastId);
    expect(emptied.status).toBe(200);
    expect(broadcastHighlightSchema.parse(JSON.parse(emptied.text)).question).toBeNull();
    // The finished egress's webhooks and the reconciler come after; none of them ends it again.
    await until(
      async () => (await roomAction(system, event.slug, event.hostToken, 'recording/start')).body.error?.code,
      (code) => code === 'room_ended',
      'the room ended',
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(jobsFor('broadcast.close', event.id)).toHaveLength(1);
    // One refresh from the end, and one from broadcast.close once the egress has closed the stream.
    expect(jobsFor('broadcast.refresh', event.id).length).toBeGreaterThanOrEqual(1);
    expect(jobsFor('broadcast.refresh', event.id).length).toBeLessThanOrEqual(2);
    expect((await findBroadcastForEvent(system.deps.db, event.id))!.endedAt).toBe(ended!.endedAt);
  });

  it('ends the broadcast when the host stops the recording, and a second recording is a plain one', async () => {
    const event = await broadcastEvent();
    await roomAction(system, event.slug, event.hostToken, 'open');
    await roomAction(system, event.slug, event.hostToken, 'live');
    expect((await roomAction(system, event.slug, event.hostToken, 'recording/start')).status).toBe(200);
    const first = (await findBroadcastForEvent(system.deps.db, event.id))!;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await roomAction(system, event.slug, event.hostToken, 'recording/stop')).status).toBe(200);
    expect(await findBroadcastForEvent(system.deps.db, event.id)).toMatchObject({ status: 'ended' });
    expect(jobsFor('broadcast.close', event.id)).toHaveLength(1);

    await until(
      () => roomAction(system, event.slug, event.hostToken, 'recording/start'),
      (r) => r.status === 200,
      'a second recording',
      20_000,
      300,
    );
    const after = (await findBroadcastForEvent(system.deps.db, event.id))!;
    expect(after).toMatchObject({ status: 'ended', egressId: first.egressId });
    expect(jobsFor('broadcast.close', event.id)).toHaveLength(1);
  });
});

describe('the highlighted question', () => {
  it('writes the question being answered to the public bucket, text only, and clears it', async () => {
    const event = await broadcastEvent();
    const asker = await registerForTest(system.url, event.slug, {
      name: 'Synnøve Spørsmålsstiller',
      email: `synnove-${event.slug}@example.no`,
    });
    const asked = await callAs<{ question: { id: string } }>(
      system,
      asker.joinToken,
      'POST',
      `/api/events/${event.slug}/questions`,
      { text: 'Når åpner den nye skolen i Vik?' },
    );
    expect(asked.status).toBe(201);
    const questionId = asked.body.question.id;
    const patch = (status: string) =>
      callAs(system, event.moderatorToken, 'PATCH', `/api/questions/${questionId}`, { status });

    expect((await patch('highlighted')).status).toBe(200);
    // What the file says is checked here; how soon a viewer's page shows it (5 s) is the browser
    // test's (e2e/test/broadcast.e2e.test.ts), so these waits allow for a loaded machine.
    // The embedded S3 server writes an object's headers just after its body: wait for both.
    const shown = await until(
      () => readHighlight(event.broadcastId),
      (r) => r.status === 200 && r.cacheControl !== null,
      'the highlight file',
      20_000,
    );
    expect(shown.cacheControl).toBe('public, max-age=1');
    expect(shown.type).toContain('application/json');
    expect(broadcastHighlightSchema.parse(JSON.parse(shown.text)).question).toEqual({
      id: questionId,
      text: 'Når åpner den nye skolen i Vik?',
    });
    expect(shown.text).not.toContain('Synnøve');
    expect(shown.text).not.toContain(asker.id);

    expect((await patch('answered')).status).toBe(200);
    const cleared = await until(
      () => readHighlight(event.broadcastId),
      (r) => r.status === 200 && JSON.parse(r.text).question === null,
      'the highlight cleared',
      20_000,
    );
    expect(broadcastHighlightSchema.parse(JSON.parse(cleared.text)).question).toBeNull();
  });
});
