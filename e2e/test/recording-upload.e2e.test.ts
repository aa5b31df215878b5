import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  createTestApiToken,
  createTestEvent,
  createTestOrganiser,
  startTestSystem,
  type TestSystem,
  waitForRecording,
} from '@folkemote/system/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';
import { makeNoiseClip, throttleUploads, UPLOAD_TEST_PART_BYTES } from './support/browser-upload.ts';

// An organiser uploads a recording from the recordings page in parts of 5 MiB (the least S3
// takes), three at a time: the connection is cut halfway and comes back, and the upload goes on
// without sending a finished part again; a reload and the same file picked again resume it too.
// The bytes go from the browser straight to the raw bucket (presigned PUTs, counted here).
const PART = UPLOAD_TEST_PART_BYTES;

let dist: string;
let system: TestSystem;
let browser: Browser;
let organiser: { email: string; password: string };
let token: string;
let clip: string;
/** The same bytes under another name: another file to the page, so it starts an upload of its own. */
let secondClip: string;
let allParts: number[];

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({ UPLOAD_PART_BYTES: String(PART) }, { webDistDir: dist });
  await createTestEvent(system.deps.db, {}, { organisationSlug: 'opplast-kommune', title: 'Budsjettmøtet' });
  organiser = await createTestOrganiser(system, {
    organisation: { slug: 'opplast-kommune', name: 'Opplast kommune' },
    password: 'et-langt-test-passord',
  });
  token = await createTestApiToken(system, { slug: 'opplast-kommune', name: 'Opplast kommune' });
  clip = path.join(system.tmp, 'kommunestyret-opptak.mp4');
  const size = await makeNoiseClip(clip, 4 * PART + PART / 2);
  expect(size).toBeGreaterThan(4 * PART);
  secondClip = path.join(system.tmp, 'formannskapet.mp4');
  await copyFile(clip, secondClip);
  allParts = Array.from({ length: Math.ceil(size / PART) }, (_, i) => i + 1);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

/** Every PUT of a part to the store: its part number, and whether the store took it. */
function countPuts(page: Page) {
  const log: Array<{ part: number; ok: boolean | null; at: number }> = [];
  let seq = 0;
  page.on('request', (request) => {
    if (request.method() !== 'PUT') return;
    const part = Number(new URL(request.url()).searchParams.get('partNumber'));
    const entry = { part, ok: null as boolean | null, at: seq++ };
    log.push(entry);
    request.response().then(
      (response) => {
        entry.ok = response?.status() === 200;
      },
      () => {
        entry.ok = false;
      },
    );
    page.once('requestfailed', (failed) => {
      if (failed === request) entry.ok = false;
    });
  });
  const finished = () => new Set(log.filter((e) => e.ok).map((e) => e.part));
  return { log, finished };
}

const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
});

async function signedIn(): Promise<Page> {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${system.url}/organiser/sign-in`);
  await page.locator('input[type=email]').fill(organiser.email);
  await page.locator('input[type=password]').fill(organiser.password);
  await page.locator('form button[type=submit]').click();
  await page.getByText('Logget inn som', { exact: false }).first().waitFor();
  await page.goto(`${system.url}/organiser/recordings`);
  await page.getByRole('heading', { name: 'Last opp et opptak' }).waitFor();
  return page;
}

async function recordingTitled(title: string) {
  const response = await fetch(`${system.url}/api/recordings`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { recordings } = (await response.json()) as { recordings: Array<{ id: string; title: string }> };
  return recordings.find((r) => r.title === title) ?? null;
}

describe('uploading a recording from the browser', () => {
  it('resumes after the connection is cut halfway, sending no finished part again, and the recording is processed', async () => {
    const page = await signedIn();
    await expectNoAxeViolations(page);
    const puts = countPuts(page);
    const cut = { on: false };
    await page.route(
      (url) => url.searchParams.has('partNumber'),
      (route) => (cut.on ? route.abort('internetdisconnected') : route.continue()),
    );
    await throttleUploads(page, 4 * 1024 * 1024);
    await page.getByLabel('Tittel (må fylles ut)').fill('Kommunestyret i mars');
    await page.getByLabel('Arrangement').selectOption({ label: 'Budsjettmøtet' });
    await page.getByLabel('Opptaksfil (må velges)').setInputFiles(clip);
    await page.getByRole('button', { name: 'Last opp', exact: true }).click();

    const bar = page.getByRole('progressbar', { name: 'Opplasting av kommunestyret-opptak.mp4' });
    await bar.waitFor();
    await expect.poll(() => puts.finished().size, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await expectNoAxeViolations(page);
    // The network goes: new requests fail (the PUTs by the route too), whatever was under way ends as it may.
    cut.on = true;
    await page.context().setOffline(true);
    const beforeCut = puts.finished();
    const cutAt = puts.log.length;
    await page.getByRole('status').getByText('Forbindelsen er brutt', { exact: false }).waitFor();
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/MB/);
    await page.context().setOffline(false);
    cut.on = false;

    await page
      .getByText('«Kommunestyret i mars» er lastet opp', { exact: false })
      .waitFor({ timeout: 120_000 });
    const afterCut = puts.log.slice(cutAt);
    // No part the store had taken before the cut went again.
    expect(afterCut.filter((e) => beforeCut.has(e.part))).toEqual([]);
    expect([...new Set(puts.log.map((e) => e.part))].sort((a, b) => a - b)).toEqual(allParts);
    // After the cut, each part the store did not hold went once (a retry of one refused at the cut aside).
    const sentAgain = afterCut.filter((e) => e.ok).map((e) => e.part);
    expect(new Set(sentAgain).size).toBe(sentAgain.length);
    expect(sentAgain.length).toBeLessThanOrEqual(allParts.length - beforeCut.size);

    const recording = await recordingTitled('Kommunestyret i mars');
    expect(recording).not.toBeNull();
    await waitForRecording(
      system.url,
      recording!.id,
      (r) => r.state === 'published' || r.state === 'quick_published',
      240_000,
      token,
    );
    await page.getByText('Kommunestyret i mars').first().waitFor();
    await expectNoAxeViolations(page);
  }, 420_000);

  it('resumes after a reload when the same file is picked again', async () => {
    const page = await signedIn();
    const puts = countPuts(page);
    await throttleUploads(page, 4 * 1024 * 1024);
    await page.getByLabel('Tittel (må fylles ut)').fill('Formannskapet i april');
    await page.getByLabel('Opptaksfil (må velges)').setInputFiles(secondClip);
    await page.getByRole('button', { name: 'Last opp', exact: true }).click();
    await expect.poll(() => puts.finished().size, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await page.reload();
    const beforeReload = puts.finished();
    const reloadAt = puts.log.length;

    await page.getByRole('heading', { name: 'Uferdige opplastinger' }).waitFor();
    await page.getByText('formannskapet.mp4', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Opptaksfil (må velges)').setInputFiles(secondClip);
    await page.getByRole('button', { name: 'Last opp', exact: true }).click();
    await page
      .getByText('«Formannskapet i april» er lastet opp', { exact: false })
      .waitFor({ timeout: 120_000 });

    const afterReload = puts.log.slice(reloadAt);
    expect(afterReload.filter((e) => beforeReload.has(e.part))).toEqual([]);
    // A part under way at the reload may have reached the store whole: then it is not sent again either.
    expect([...new Set(puts.log.map((e) => e.part))].sort((a, b) => a - b)).toEqual(allParts);
    expect(await recordingTitled('Formannskapet i april')).not.toBeNull();
  }, 300_000);
});
