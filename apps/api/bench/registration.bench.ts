/**
 * The registration burst: 1,000 registrations sent at once for 100 seats,
 * through the real HTTP API, on PostgreSQL (127.0.0.1:5432, a fresh database)
 * and on PGlite. Prints throughput, p50/p99 latency and the confirmed and
 * waitlisted counts. In the same run, two baselines:
 *   - floor: 100 registrations one after another on an unlimited event, the
 *     latency of a single request with nothing queued before it;
 *   - naive: the same 1,000-for-100 burst decided by a read-then-insert without
 *     the event lock (straight against the database, no HTTP), to show the
 *     overbooking the lock prevents;
 *   - HTTP floor: the same burst of 1,000 JSON POSTs against a Fastify route
 *     that does nothing, in this process: what the HTTP part alone costs on
 *     this machine, below which no registration can answer.
 * The system runs as in production: with PostgreSQL the worker is a separate
 * process (not started here, e-mail jobs wait in Redis); with PGlite it shares
 * the API's process and sends the confirmations during the burst.
 * Usage: pnpm bench:registration [--burst 1000] [--seats 100] [--only postgres|pglite]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { countRegistrations, type Database } from '@folkemote/db';
import { databaseKindsUnderTest } from '@folkemote/db/testing';
import Fastify from 'fastify';
import { startTestSystem } from '../src/testing.ts';
import {
  createTestEvent,
  postRegistration,
  registrationBody,
} from '../test/support/registration-fixtures.ts';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '1000' },
    seats: { type: 'string', default: '100' },
    only: { type: 'string' },
  },
});
const burst = Number(values.burst);
const seats = Number(values.seats);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed(
  send: () => Promise<Response>,
): Promise<{ ms: number; status: number; body: { status?: string } }> {
  const start = performance.now();
  const response = await send();
  const body = (await response.json()) as { status?: string };
  return { ms: performance.now() - start, status: response.status, body };
}

/** Read the count, then insert: what a registration without the row lock does. */
async function naiveBurst(db: Database, eventId: string): Promise<{ confirmed: number; waitlisted: number }> {
  await Promise.all(
    Array.from({ length: burst }, async (_, i) => {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from registrations where event_id = $1 and status = 'confirmed'`,
        [eventId],
      );
      const status = (rows[0]?.n ?? 0) < seats ? 'confirmed' : 'waitlisted';
      await db.query(
        `insert into registrations (id, event_id, status, name, email, email_normalised, consent_at, join_token_hash)
         values ($1, $2, $3, $4, $5, $5, now(), $6)`,
        [randomUUID(), eventId, status, `Naiv ${i}`, `naiv-${i}@example.no`, randomUUID()],
      );
    }),
  );
  const counts = await countRegistrations(db, eventId);
  return { confirmed: counts.confirmed, waitlisted: counts.waitlisted };
}

/** The burst against a route that does nothing: the cost of HTTP itself, client and server in one process. */
async function httpFloor(): Promise<number[]> {
  const app = Fastify();
  app.post('/noop', async (request) => ({ id: randomUUID(), status: 'confirmed', got: typeof request.body }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/noop`;
  const send = (i: number) =>
    timed(() =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(registrationBody(i)),
      }),
    );
  await Promise.all(Array.from({ length: 100 }, (_, i) => send(i))); // warm-up
  const answers = await Promise.all(Array.from({ length: burst }, (_, i) => send(i)));
  await app.close();
  return answers.map((a) => a.ms).sort((a, b) => a - b);
}

const noop = await httpFloor();
const noopLine = `HTTP floor: ${burst} POSTs at once to a no-op Fastify route: p50 ${ms(percentile(noop, 50))}, p99 ${ms(percentile(noop, 99))}`;
console.log(noopLine);
const results: string[] = [noopLine];
for (const kind of (await databaseKindsUnderTest()).reverse()) {
  if (values.only && values.only !== kind) continue;
  const system = await startTestSystem(
    {
      REGISTRATION_RATE_LIMIT: '1000000',
      LOG_LEVEL: 'error',
      WORKER_IN_PROCESS: kind === 'pglite' ? 'true' : 'false',
    },
    { database: kind },
  );
  try {
    // Warm-up: connections, prepared code paths, the link secret.
    const warm = await createTestEvent(system.deps.db);
    for (let i = 0; i < 20; i++) await postRegistration(system.url, warm.slug, registrationBody(`warm-${i}`));

    const floorEvent = await createTestEvent(system.deps.db);
    const floor: number[] = [];
    for (let i = 0; i < 100; i++)
      floor.push(
        (await timed(() => postRegistration(system.url, floorEvent.slug, registrationBody(`floor-${i}`)))).ms,
      );
    floor.sort((a, b) => a - b);

    const event = await createTestEvent(system.deps.db, { capacity: seats, waitlistEnabled: true });
    const start = performance.now();
    const answers = await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        timed(() => postRegistration(system.url, event.slug, registrationBody(`burst-${i}`))),
      ),
    );
    const wall = performance.now() - start;
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    const failed = answers.filter((a) => a.status !== 201).length;
    const counts = await countRegistrations(system.deps.db, event.id);

    const naiveEvent = await createTestEvent(system.deps.db, { capacity: seats });
    const naive = await naiveBurst(system.deps.db, naiveEvent.id);

    const lines = [
      `${kind}: ${burst} registrations at once for ${seats} seats, through the HTTP API`,
      `  burst      ${(burst / (wall / 1000)).toFixed(0)} registrations/s, wall ${ms(wall)}, p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1)!)}`,
      `             confirmed ${counts.confirmed}, waitlisted ${counts.waitlisted}, non-201 answers ${failed}`,
      `  floor      one request at a time: p50 ${ms(percentile(floor, 50))}, p99 ${ms(percentile(floor, 99))}`,
      `             burst p50 / floor p50 = ${(percentile(latencies, 50) / percentile(floor, 50)).toFixed(1)}x, burst p99 / HTTP-floor p99 = ${(percentile(latencies, 99) / percentile(noop, 99)).toFixed(1)}x`,
      `  naive      read-then-insert without the lock: confirmed ${naive.confirmed} for ${seats} seats (overbooked by ${naive.confirmed - seats}), waitlisted ${naive.waitlisted}`,
    ];
    console.log(lines.join('\n'));
    results.push(...lines);
  } finally {
    await system.stop();
  }
}
process.exit(0);
