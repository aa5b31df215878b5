import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@folkemote/config';
import { type Database, openDatabase } from '@folkemote/db';
import { type RunningSystem, startSystem } from '@folkemote/system';
import { createTestEvent, openSse, registerForTest, type SseClient } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findPostgresBinaries,
  type PrivatePostgres,
  startPrivatePostgres,
} from './support/private-postgres.ts';

const binaries = await findPostgresBinaries();
if (!binaries)
  console.warn('no PostgreSQL binaries under /usr/lib/postgresql: the PostgreSQL restart drill is skipped');

const registrants = 160;
const seats = 60;
const questions = 24;
const downMs = 3_000;

type Outcome = { status: number; retryAfter: string | null };

/**
 * A request as a well-behaved client sends it: answered 503 with Retry-After, it waits and sends
 * it again. Every answer is kept; anything but a success or a 503 with Retry-After is a problem.
 */
async function sendWithRetries(send: () => Promise<Response>, seen: Outcome[]): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await send();
    seen.push({ status: response.status, retryAfter: response.headers.get('retry-after') });
    if (response.status !== 503 || attempt >= 30) return response;
    await response.body?.cancel();
    await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? 1) * 1000));
  }
}

// Fault drill: our own PostgreSQL cluster is restarted (fast shutdown, down for a few seconds)
// in the middle of a registration burst and of a Q&A session. Every request is answered with a
// success or a clear retryable error (503 with Retry-After); retried, every registrant is in
// exactly once, the seats are right, and the Q&A stream, resuming with Last-Event-ID, has every
// change once.
describe.runIf(binaries)('drill: PostgreSQL restarted during registrations and Q&A', () => {
  let tmp: string;
  let postgres: PrivatePostgres;
  let db: Database;
  let api: RunningSystem;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-drill-pg-'));
    postgres = await startPrivatePostgres();
    db = await openDatabase({ kind: 'postgres', url: postgres.url });
    api = await startSystem(
      loadConfig({
        DATABASE_URL: postgres.url,
        PORT: '0',
        LOG_LEVEL: 'warn',
        S3_EMBEDDED_PORT: '0',
        S3_DATA_DIR: path.join(tmp, 's3'),
        WORK_DIR: path.join(tmp, 'work'),
        QUEUE_PREFIX: `drill-pg-${randomBytes(4).toString('hex')}`,
        MIN_FREE_DISK_MB: '0',
        DEMO_CONTENT: 'false',
        WORKER_IN_PROCESS: 'false',
        REGISTRATION_RATE_LIMIT: '100000',
        LIVEKIT_STANDIN_PORT: '0',
      }),
      { db },
    );
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
    await postgres?.stop();
    await rm(tmp, { recursive: true, force: true });
  });

  it('answers every request, loses and doubles no registration, and the Q&A stream misses nothing', async () => {
    const event = await createTestEvent(db, { capacity: seats, waitlistEnabled: true });
    // One question each (a registrant may ask five a minute); the first asker also watches the stream.
    const askers: Awaited<ReturnType<typeof registerForTest>>[] = [];
    for (let n = 0; n < questions; n++)
      askers.push(
        await registerForTest(api.url, event.slug, { name: `Spør ${n}`, email: `spor-${n}@example.no` }),
      );
    const asker = askers[0]!;
    const outcomes: Outcome[] = [];
    const failures: string[] = [];

    // A viewer of the Q&A that reconnects with Last-Event-ID whenever its stream ends.
    const streamUrl = `${api.url}/api/events/${event.slug}/questions`;
    const received: number[] = [];
    const streamAnswers: Outcome[] = [];
    let viewing = true;
    let stream: SseClient | null = null;
    let reconnects = 0;
    const viewer = (async () => {
      while (viewing) {
        const last = received.at(-1);
        stream = await openSse(streamUrl, {
          authorization: `Bearer ${asker.joinToken}`,
          ...(last === undefined ? {} : { 'last-event-id': String(last) }),
        }).catch(() => null);
        if (stream)
          streamAnswers.push({ status: stream.status, retryAfter: stream.headers.get('retry-after') });
        if (stream && stream.status === 200) {
          let read = 0;
          const take = () => {
            for (; read < stream!.events.length; read++) {
              const { id, event: kind } = stream!.events[read]!;
              if (id === null) continue;
              const last = received.at(-1) ?? 0;
              // The first connection starts from a snapshot (of no questions yet); a reconnection with
              // Last-Event-ID gets the changes it missed, never a snapshot that would skip them.
              if (kind === 'snapshot') {
                if (Number(id) !== last) failures.push(`snapshot at ${id} after change ${last}`);
              } else if (Number(id) > last) received.push(Number(id));
              else failures.push(`change ${id} delivered again`);
            }
            return false;
          };
          await Promise.race([stream.ended, stream.waitFor(take, 600_000).catch(() => {})]);
          take();
          await stream.close();
        } else await stream?.close();
        if (!viewing) break;
        reconnects++;
        await new Promise((r) => setTimeout(r, 500));
      }
    })();

    const register = (n: number) =>
      sendWithRetries(
        () =>
          fetch(`${api.url}/api/events/${event.slug}/registrations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: `Deltaker ${n}`, email: `deltaker-${n}@example.no`, consent: true }),
          }),
        outcomes,
      ).then(async (r) => {
        if (r.status !== 201 && r.status !== 200)
          failures.push(`registration ${n}: ${r.status} ${await r.text()}`);
        else await r.body?.cancel();
      });
    const ask = (n: number) =>
      sendWithRetries(
        () =>
          fetch(streamUrl, {
            method: 'POST',
            headers: { authorization: `Bearer ${askers[n]!.joinToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({ text: `Spørsmål nummer ${n}`, anonymous: false }),
          }),
        outcomes,
      ).then(async (r) => {
        if (r.status !== 201) failures.push(`question ${n}: ${r.status} ${await r.text()}`);
        else await r.body?.cancel();
      });

    // The burst and the questions are spread over a few seconds; the restart falls in the middle.
    const spread = async (count: number, overMs: number, send: (n: number) => Promise<void>) => {
      const sent: Promise<void>[] = [];
      for (let n = 0; n < count; n++) {
        sent.push(send(n).catch((err: Error) => void failures.push(`${n}: ${err.message}`)));
        await new Promise((r) => setTimeout(r, overMs / count));
      }
      await Promise.all(sent);
    };
    const restart = (async () => {
      await new Promise((r) => setTimeout(r, 1_500));
      const restarted = postgres.restart(downMs);
      // The viewer loses its stream while the database is down, and comes back with Last-Event-ID.
      await new Promise((r) => setTimeout(r, 500));
      await (stream as SseClient | null)?.close();
      await restarted;
    })();
    await Promise.all([spread(registrants, 6_000, register), spread(questions, 6_000, ask), restart]);

    // Every change the database has reaches the viewer.
    const { rows: changeRows } = await db.query<{ n: number }>(
      'select count(*)::int as n from question_changes where event_id = $1',
      [event.id],
    );
    const deadline = Date.now() + 30_000;
    while (received.length < changeRows[0]!.n && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    viewing = false;
    await (stream as SseClient | null)?.close();
    await viewer;

    const byStatus: Record<string, number> = {};
    for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    console.info(
      `PostgreSQL restart drill: ${registrants} registrations and ${questions} questions sent over 6 s, ` +
        `answers ${JSON.stringify(byStatus)}, stream connections answered ${JSON.stringify(streamAnswers.map((a) => a.status))}, ` +
        `changes received ${received.length}`,
    );
    expect(failures).toEqual([]);
    // Only successes and retryable refusals that say when to come back.
    for (const o of [...outcomes, ...streamAnswers]) {
      expect([200, 201, 503]).toContain(o.status);
      if (o.status === 503) expect(o.retryAfter).toMatch(/^\d+$/);
    }
    // The viewer did lose its stream, and came back.
    expect(reconnects).toBeGreaterThanOrEqual(1);
    const { rows } = await db.query<{ status: string; n: number; distinct_emails: number }>(
      `select status, count(*)::int as n, count(distinct email_normalised)::int as distinct_emails
         from registrations where event_id = $1 group by status order by status`,
      [event.id],
    );
    const total = registrants + questions;
    expect(rows.reduce((n, r) => n + r.n, 0)).toBe(total);
    expect(rows.find((r) => r.status === 'confirmed')?.n).toBe(seats);
    expect(rows.find((r) => r.status === 'waitlisted')?.n).toBe(total - seats);
    const { rows: asked } = await db.query<{ n: number }>(
      'select count(*)::int as n from questions where event_id = $1',
      [event.id],
    );
    expect(asked[0]!.n).toBe(questions);
    // Every change once, in order, none missing.
    expect(received).toEqual(Array.from({ length: changeRows[0]!.n }, (_, i) => i + 1));
  });
});
