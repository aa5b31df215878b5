import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { insertRecording, saveEgressReport, transitionRecording } from '@folkemote/db';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/build-server.ts';
import {
  createTestApiToken,
  createTestEvent,
  createTestStaffLink,
  registerForTest,
} from '../src/testing/index.ts';
import { registeredRoutes } from './support/registered-routes.ts';

// docs/security.md lists every route with who may call it; this file keeps that table true.
const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Row {
  route: string;
  method: string;
  path: string;
  /** The code the table gives first under "who may call it": public, organiser, owner, actor:…, registrant, livekit. */
  access: string;
  /** `file: test name` entries; those ending in "(expected)" are being written alongside. */
  proofs: string[];
}

function readSecurityTable(): Row[] {
  const text = readFileSync(path.join(root, 'docs/security.md'), 'utf8');
  const rows: Row[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const route = /^`([A-Z]+) (\/\S*)`$/.exec(cells[1] ?? '');
    if (!route) continue;
    const access = /^`([^`]+)`/.exec(cells[2] ?? '');
    rows.push({
      route: `${route[1]} ${route[2]}`,
      method: route[1]!,
      path: route[2]!,
      access: access?.[1] ?? '(none)',
      proofs: (cells[4] ?? '').split('<br>').map((p) => p.trim()),
    });
  }
  return rows;
}

/** Every test file, by its name, in apps/*\/test and packages/*\/test (and their folders). */
function testFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.test\.tsx?$/.test(entry.name)) files.set(entry.name, full);
    }
  };
  for (const group of ['apps', 'packages'])
    for (const pkg of readdirSync(path.join(root, group))) {
      const dir = path.join(root, group, pkg, 'test');
      if (existsSync(dir)) walk(dir);
    }
  walk(path.join(root, 'e2e', 'test'));
  return files;
}

const table = readSecurityTable();
/** The roles an `actor:` route is open to; every role for `actor:any`, none for other routes. */
const rolesOf = (access: string) =>
  access === 'actor:any'
    ? ['host', 'presenter', 'moderator', 'attendee']
    : access.startsWith('actor:')
      ? access.slice(6).split(',')
      : [];
const closedToPublic = (row: Row) => !['public', 'public+organiser'].includes(row.access);

let system: TestSystem;
let ownToken: string;
let otherToken: string;
let attendeeToken: string;
let moderatorToken: string;
let presenterToken: string;
let event: { id: string; slug: string };
const ids = { staff: '', question: '', recording: '', poll: '' };

/** The row's path with the ids of things that exist, so each call reaches the check of who is calling. */
function concrete(row: Row): string {
  const id = row.path.startsWith('/api/questions/')
    ? ids.question
    : row.path.startsWith('/api/polls/')
      ? ids.poll
      : row.path.startsWith('/api/recordings/')
        ? ids.recording
        : ids.staff;
  return row.path.replace(':slug', event.slug).replace(':id', id).replace(':language', 'nb');
}

function call(row: Row, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const webhook = row.access === 'livekit';
  if (webhook) headers['content-type'] = 'application/webhook+json';
  return fetch(`${system.url}${concrete(row)}`, {
    method: row.method,
    headers,
    body: webhook ? '{}' : undefined,
  });
}

async function refusals(rows: Row[], token: string | undefined, expected: (row: Row) => number) {
  const answers: Record<string, string> = {};
  const wanted: Record<string, string> = {};
  for (const row of rows) {
    const response = await call(row, token);
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
    answers[row.route] = `${response.status} ${body.error?.code ?? '(no error)'}`;
    wanted[row.route] = `${expected(row)} ${body.error?.code ?? '(no error)'}`;
  }
  return { answers, wanted };
}

beforeAll(async () => {
  system = await startTestSystem();
  ownToken = await createTestApiToken(system);
  otherToken = await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
  event = await createTestEvent(system.deps.db, { capacity: 50 });
  attendeeToken = (await registerForTest(system.url, event.slug)).joinToken;
  const moderator = await createTestStaffLink(system, event, 'moderator');
  moderatorToken = moderator.token;
  presenterToken = (await createTestStaffLink(system, event, 'presenter')).token;
  ids.staff = moderator.id;
  const asked = await fetch(`${system.url}/api/events/${event.slug}/questions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${attendeeToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Hvem passer på opptakene?', anonymous: false }),
  });
  expect(asked.status).toBe(201);
  ids.question = ((await asked.json()) as { question: { id: string } }).question.id;
  // An open poll, so its routes reach the check of who is calling (a draft is 404 to attendees).
  const poll = await fetch(`${system.url}/api/events/${event.slug}/polls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${moderatorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ question: 'Passer tirsdag?', options: ['Ja', 'Nei'] }),
  });
  expect(poll.status).toBe(201);
  ids.poll = ((await poll.json()) as { poll: { id: string } }).poll.id;
  await fetch(`${system.url}/api/polls/${ids.poll}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${moderatorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'open' }),
  });
  const recording = await insertRecording(system.deps.db, {
    eventId: event.id,
    title: 'Opptak',
    sourceKey: 'raw/route-access.mp4',
    sourceBytes: 1,
  });
  await transitionRecording(system.deps.db, recording.id, 'uploaded', 'failed', { failureReason: 'Test' });
  ids.recording = recording.id;
});
afterAll(async () => {
  await system?.stop();
});

describe('docs/security.md', () => {
  it('lists every registered route, and no route that is not', () => {
    const registered = registeredRoutes(system.app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.split(' ')[1]!.startsWith('/api/') || r === 'GET /metrics')
      .sort();
    expect(registered.length).toBeGreaterThan(50);
    expect(table.map((r) => r.route).sort()).toEqual(registered);
    const codes =
      /^(public|public\+organiser|organiser|owner|registrant|livekit|operator|actor:(any|[a-z]+(,[a-z]+)*))$/;
    expect(table.filter((r) => !codes.test(r.access)).map((r) => r.route)).toEqual([]);
  });

  it('names for every route a test that exists', () => {
    const files = testFiles();
    const missing: string[] = [];
    for (const row of table) {
      const proofs = row.proofs.filter((p) => !p.endsWith('(expected)'));
      if (proofs.length === 0) missing.push(`${row.route}: no test named`);
      for (const proof of proofs) {
        const [file, ...rest] = proof.split(': ');
        const name = rest.join(': ');
        const found = files.get(file!);
        const source = found ? readFileSync(found, 'utf8') : '';
        if (!["'", '"', '`'].some((q) => source.includes(`${q}${name}${q}`)))
          missing.push(`${row.route}: ${proof}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('every route as the table has it', () => {
  it('refuses every route closed to the public when called without credentials', async () => {
    const rows = table.filter(closedToPublic);
    // A personal link that is not there is answered as one that is wrong (see registration.int.test.ts),
    // and metrics are not served at all where the operator configured no way to reach them.
    const { answers, wanted } = await refusals(rows, undefined, (r) =>
      r.access === 'registrant' || r.access === 'operator' ? 404 : 401,
    );
    expect(answers).toEqual(wanted);
  });

  it('refuses an organiser of another organisation on every route of one organisation', async () => {
    const rows = table.filter((r) => r.access === 'owner' || r.access.startsWith('actor:'));
    const { answers, wanted } = await refusals(rows, otherToken, (r) => (r.access === 'owner' ? 404 : 403));
    expect(answers).toEqual(wanted);
    for (const row of rows.filter((r) => r.access.startsWith('actor:')))
      expect(answers[row.route], row.route).toBe('403 not_your_event');
  });

  it('refuses an attendee on every route for other roles', async () => {
    const organisers = table.filter((r) => ['organiser', 'owner'].includes(r.access));
    const staff = table.filter(
      (r) => rolesOf(r.access).length > 0 && !rolesOf(r.access).includes('attendee'),
    );
    expect(staff.length).toBeGreaterThan(10);
    const asOrganiser = await refusals(organisers, attendeeToken, () => 401);
    expect(asOrganiser.answers).toEqual(asOrganiser.wanted);
    const asStaff = await refusals(staff, attendeeToken, () => 403);
    expect(asStaff.answers).toEqual(asStaff.wanted);
    for (const row of staff) expect(asStaff.answers[row.route], row.route).toBe('403 forbidden_for_role');
  });

  it('refuses staff on every route for attendees only', async () => {
    const rows = table.filter((r) => r.access === 'actor:attendee');
    expect(rows.length).toBeGreaterThan(3);
    const { answers, wanted } = await refusals(rows, moderatorToken, () => 403);
    expect(answers).toEqual(wanted);
  });

  it('answers health without the reasons, which name internal hosts', async () => {
    const deps = {
      ...system.deps,
      s3Settings: { ...system.deps.s3Settings, rawBucket: 'folkemote-route-access-missing' },
    };
    const app = await buildServer(deps);
    try {
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        status: 'unavailable',
        down: ['s3'],
        checks: { database: { ok: true }, redis: { ok: true }, s3: { ok: false } },
      });
      expect(response.body).not.toContain('folkemote-route-access-missing');
      expect(response.body).not.toContain(new URL(system.deps.s3Settings.publicBaseUrl).host);
    } finally {
      await app.close();
    }
  });

  it('shows LiveKit’s reason for a failed room recording to those who run the room only', async () => {
    await saveEgressReport(system.deps.db, {
      eventId: event.id,
      roomName: `event-${event.id}`,
      egressId: 'EG_routeaccessfailed',
      status: 'failed',
      error: 'Start signal not received',
      startedAt: null,
      endedAt: new Date(),
    });
    const errorSeenBy = async (token: string) => {
      const response = await fetch(`${system.url}/api/events/${event.slug}/room`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { recording: { error: string | null } }).recording.error;
    };
    expect(await errorSeenBy(ownToken)).toBe('Start signal not received');
    expect(await errorSeenBy(presenterToken)).toBe('Start signal not received');
    expect(await errorSeenBy(moderatorToken)).toBeNull();
    expect(await errorSeenBy(attendeeToken)).toBeNull();
  });
});
