import { setOrganiserAdmin } from '@folkemote/db';
import { jobNames, queueNameFor } from '@folkemote/queue';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiToken, createTestOrganiser, signInForTest } from '../src/testing/index.ts';

let system: TestSystem;
let admin: { cookie: string };
let organiser: { cookie: string };
let apiToken: string;

const board = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  fetch(`${system.url}/admin/jobs${path}`, { redirect: 'manual', ...init });

beforeAll(async () => {
  system = await startTestSystem();
  apiToken = await createTestApiToken(system);
  const plain = await createTestOrganiser(system);
  organiser = await signInForTest(system.url, plain);
  const chief = await createTestOrganiser(system);
  expect(await setOrganiserAdmin(system.deps.db, chief.email.toUpperCase(), true)).not.toBeNull();
  admin = await signInForTest(system.url, chief);
});
afterAll(async () => {
  await system?.stop();
});

interface BoardQueues {
  queues: Array<{
    name: string;
    jobs: Array<{ id: string; progress: unknown; failedReason?: string; data: unknown }>;
  }>;
}

describe('the job view', () => {
  it('sends a visitor who is not signed in to the sign-in page, and refuses its data', async () => {
    const page = await board('', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/organiser/sign-in');
    expect((await board('/api/queues')).status).toBe(401);
    // An API token belongs to an organisation, never to an administrator.
    const withToken = await board('/api/queues', { headers: { authorization: `Bearer ${apiToken}` } });
    expect(withToken.status).toBe(401);
  });

  it('refuses an organiser who is not an administrator', async () => {
    for (const path of ['', '/api/queues']) {
      const response = await board(path, { headers: { cookie: organiser.cookie, accept: 'text/html' } });
      expect(response.status, path).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_admin');
    }
  });

  it('shows an administrator every queue, under a CSP relaxed for its own path only', async () => {
    const page = await board('', { headers: { cookie: admin.cookie, accept: 'text/html' } });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).not.toContain('googleapis');
    const script = /src="(static\/js\/main\.[\w.]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await board(`/${script}`, { headers: { cookie: admin.cookie } });
    expect(asset.status).toBe(200);
    expect((await board(`/${script}`)).status).toBe(401);
    // The rest of the app keeps its strict policy.
    const elsewhere = await fetch(`${system.url}/api/health`);
    expect(elsewhere.headers.get('content-security-policy')).toContain("style-src 'self';");

    const queues = await board('/api/queues', { headers: { cookie: admin.cookie } });
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as BoardQueues).queues.map((q) => q.name).sort();
    expect(names).toEqual(jobNames.map(queueNameFor).sort());
  });

  it('shows a job’s progress and why it failed, and lets an administrator retry and remove it', async () => {
    const emails = system.deps.queues.queue('registration.email');
    const queueName = queueNameFor('registration.email');
    const view = async (status: string) => {
      const response = await board(`/api/queues?activeQueue=${queueName}&status=${status}`, {
        headers: { cookie: admin.cookie },
      });
      return ((await response.json()) as BoardQueues).queues.find((q) => q.name === queueName)!.jobs;
    };
    // A delayed job with progress, and a job whose payload is not valid: the worker fails it for good.
    const waiting = await emails.add('registration.email', {}, { delay: 3_600_000, jobId: 'progress-shown' });
    await waiting.updateProgress({ stage: 'sending', percent: 40 });
    expect((await view('delayed')).find((j) => j.id === 'progress-shown')?.progress).toEqual({
      stage: 'sending',
      percent: 40,
    });
    await emails.add('registration.email', { not: 'an id' }, { jobId: 'bad-payload', attempts: 1 });
    await expect
      .poll(async () => (await view('failed')).map((j) => j.id), { timeout: 20_000 })
      .toContain('bad-payload');
    expect((await view('failed')).find((j) => j.id === 'bad-payload')?.failedReason).toBe(
      'Invalid payload for registration.email',
    );

    const own = { cookie: admin.cookie, origin: new URL(system.url).origin };
    // From another site, or with no Origin at all, nothing changes.
    for (const headers of [{ cookie: admin.cookie }, { ...own, origin: 'https://evil.example' }]) {
      const refused = await board(`/api/queues/${queueName}/bad-payload/retry?queueStatus=failed`, {
        method: 'PUT',
        headers,
      });
      expect(refused.status).toBe(403);
    }
    const retried = await board(`/api/queues/${queueName}/bad-payload/retry?queueStatus=failed`, {
      method: 'PUT',
      headers: own,
    });
    expect(retried.status).toBe(204);
    // The retry ran (and failed again: the payload is still not valid).
    await expect
      .poll(async () => (await emails.getJob('bad-payload'))?.attemptsStarted, { timeout: 20_000 })
      .toBe(2);
    await expect.poll(async () => emails.getJobState('bad-payload'), { timeout: 20_000 }).toBe('failed');

    const removed = await board(`/api/queues/${queueName}/bad-payload/clean?queueStatus=failed`, {
      method: 'PUT',
      headers: own,
    });
    expect(removed.status).toBe(204);
    expect(await emails.getJob('bad-payload')).toBeUndefined();
    await waiting.remove();
  });

  it('neither makes, edits nor empties jobs and queues', async () => {
    const own = {
      cookie: admin.cookie,
      origin: new URL(system.url).origin,
      'content-type': 'application/json',
    };
    const queueName = queueNameFor('registration.email');
    for (const [method, path] of [
      ['POST', `/api/queues/${queueName}/add`],
      ['PUT', `/api/queues/${queueName}/obliterate`],
      ['PUT', `/api/queues/${queueName}/empty`],
    ] as const) {
      const response = await board(path, { method, headers: own, body: '{}' });
      expect(response.status, path).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_in_job_view');
    }
  });
});
