import { setOrganiserAdmin } from '@folkemote/db';
import {
  createTestOrganiser,
  signInForTest,
  startTestSystem,
  type TestSystem,
} from '@folkemote/system/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// The job view (bull-board) in Chromium, under the API's security headers and its own relaxed CSP.
let system: TestSystem;
let browser: Browser;
let page: Page;
const blocked: string[] = [];
const offSite: string[] = [];

beforeAll(async () => {
  system = await startTestSystem();
  const chief = await createTestOrganiser(system);
  await setOrganiserAdmin(system.deps.db, chief.email, true);
  const { cookie } = await signInForTest(system.url, chief);
  const [name, value] = cookie.split('=') as [string, string];
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name, value, url: system.url }]);
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) blocked.push(message.text());
  });
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(system.url).origin) offSite.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('the job view in a browser', () => {
  it('shows every queue and a failed job’s reason, with nothing blocked and no request off the site', async () => {
    const emails = system.deps.queues.queue('registration.email');
    await emails.add('registration.email', { not: 'an id' }, { jobId: 'bad-payload', attempts: 1 });
    await expect.poll(() => emails.getJobState('bad-payload'), { timeout: 20_000 }).toBe('failed');

    await page.goto(`${system.url}/admin/jobs`);
    await page.getByText('registration.email').first().waitFor({ timeout: 30_000 });
    for (const queue of ['recording.transcode', 'recording.ingest', 'site.rebuild'])
      await page.getByText(queue).first().waitFor();
    await page.goto(`${system.url}/admin/jobs/queue/folkemote.registration.email?status=failed`);
    await page.getByText('Invalid payload for registration.email').first().waitFor({ timeout: 30_000 });
    expect(blocked).toEqual([]);
    expect(offSite).toEqual([]);
    // bull-board's page with our stylesheet and script for its contrast and its buttons' names
    // (apps/api/src/admin/job-board-a11y.ts): axe finds nothing, on the list and on the job.
    await expectNoAxeViolations(page);
    await page.goto(`${system.url}/admin/jobs`);
    await page.getByText('registration.email').first().waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(page);
  });
});
