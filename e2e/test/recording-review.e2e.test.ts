import { rm } from 'node:fs/promises';
import path from 'node:path';
import { findRecording } from '@folkemote/db';
import { listObjects, publicKeys, rawKeys } from '@folkemote/storage';
import {
  createTestEvent,
  createTestOrganiser,
  startTestSystem,
  type TestSystem,
  until,
} from '@folkemote/system/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';
import { makeNoiseClip, throttleUploads, UPLOAD_TEST_PART_BYTES } from './support/browser-upload.ts';

// An organiser uploads a recording from the browser (the connection cut halfway and back) to an
// event that holds its recordings for review: nothing of it is public until they publish it from
// its review page (after a preview), then they rename it, take it down again and delete it; after
// each step the public site shows what it should, and the buckets hold what they should.

const organisation = { slug: 'gjennomgang-kommune', name: 'Gjennomgang kommune' };
let dist: string;
let system: TestSystem;
let browser: Browser;
let page: Page;
const eventTitle = 'Kommuneplanmøtet';
let recordingId: string;

/**
 * How the recording gets into the system: the organiser uploads it from the recordings page, and
 * the connection is cut after the first part is stored and comes back; the upload goes on from
 * there. Its event holds recordings for review. Returns the recording's id once it is processed.
 */
async function bringInRecording(title: string): Promise<string> {
  const clip = path.join(system.tmp, 'kommuneplan-raaopptak.mp4');
  await makeNoiseClip(clip, 3 * UPLOAD_TEST_PART_BYTES);
  await page.goto(`${system.url}/organiser/recordings`);
  await page.getByRole('heading', { name: 'Last opp et opptak' }).waitFor();
  const stored = new Set<number>();
  page.on('response', (response) => {
    const part = new URL(response.url()).searchParams.get('partNumber');
    if (response.request().method() === 'PUT' && part && response.ok()) stored.add(Number(part));
  });
  const cut = { on: false };
  const isPart = (url: URL) => url.searchParams.has('partNumber');
  await page.route(isPart, (route) => (cut.on ? route.abort('internetdisconnected') : route.continue()));
  await throttleUploads(page, 4 * 1024 * 1024);
  await page.getByLabel('Tittel (må fylles ut)').fill(title);
  await page.getByLabel('Arrangement').selectOption({ label: eventTitle });
  await page.getByLabel('Opptaksfil (må velges)').setInputFiles(clip);
  await page.getByRole('button', { name: 'Last opp', exact: true }).click();
  await until(
    async () => stored.size,
    (n) => n >= 1,
    'the first part stored',
    60_000,
  );
  cut.on = true;
  await page.context().setOffline(true);
  await page.getByRole('status').getByText('Forbindelsen er brutt', { exact: false }).waitFor();
  await page.context().setOffline(false);
  cut.on = false;
  await page.getByText(`«${title}» er lastet opp`, { exact: false }).waitFor({ timeout: 120_000 });
  await page.unroute(isPart);
  await throttleUploads(page, null);
  const listed = (await (await page.request.get(`${system.url}/api/recordings`)).json()) as {
    recordings: Array<{ id: string; title: string }>;
  };
  const id = listed.recordings.find((r) => r.title === title)?.id;
  if (!id) throw new Error(`The uploaded recording «${title}» is not in the organiser's list`);
  await until(
    async () => (await findRecording(system.deps.db, id))?.state,
    (state) => state === 'published' || state === 'failed',
    'the recording processed',
    120_000,
  );
  return id;
}

const publicUrl = (key: string) => `${system.deps.s3Settings.publicBaseUrl}/${key}`;
// A read that meets a file being rewritten or deleted (the store closes the connection) is read again.
const replayStatus = async () =>
  (await fetch(publicUrl(publicKeys.replayPage(recordingId))).catch(() => null))?.status ?? -1;
const archive = async (): Promise<string | null> => {
  try {
    const response = await fetch(publicUrl(publicKeys.archivePage('nb')));
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
};
const objects = async (bucket: string, prefix: string) => [
  ...(await listObjects(system.deps.s3, bucket, prefix)).keys(),
];

/** Whether a video on the page has decoded pictures to show. */
async function videoPlays(target: Page, selector: string): Promise<void> {
  await target.waitForFunction(
    (s) => {
      const video = document.querySelector<HTMLVideoElement>(s);
      return video !== null && video.readyState >= 2 && video.videoWidth > 0;
    },
    selector,
    { timeout: 60_000 },
  );
}

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({ UPLOAD_PART_BYTES: String(UPLOAD_TEST_PART_BYTES) }, { webDistDir: dist });
  await createTestEvent(
    system.deps.db,
    {},
    { organisationSlug: organisation.slug, holdRecordings: true, title: eventTitle },
  );
  const organiser = await createTestOrganiser(system, { organisation, password: 'et-langt-test-passord' });
  browser = await launchBrowser();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' })
  ).newPage();
  await page.goto(`${system.url}/organiser/sign-in`);
  await page.locator('input[type=email]').fill(organiser.email);
  await page.locator('input[type=password]').fill(organiser.password);
  await page.locator('form button[type=submit]').click();
  await page.getByText('Logget inn som', { exact: false }).first().waitFor();
  recordingId = await bringInRecording('Kommuneplanmøtet – råopptak');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe('uploading a recording from the browser, then reviewing it', () => {
  it('is uploaded through a cut connection and held: processed, but no replay page and no archive entry', async () => {
    expect((await findRecording(system.deps.db, recordingId))?.publication).toBe('held');
    expect(await replayStatus()).toBe(404);
    expect((await archive()) ?? '').not.toContain(recordingId);
    expect(
      await objects(system.deps.s3Settings.publicBucket, publicKeys.recordingPrefix(recordingId)),
    ).toEqual([]);
  });

  it('shows the organiser the rule in force and plays a preview', async () => {
    await page.goto(`${system.url}/organiser/recordings`);
    await page.getByRole('link', { name: 'Forhåndsvis og publiser – Kommuneplanmøtet – råopptak' }).click();
    await page.getByRole('heading', { name: 'Publisering av «Kommuneplanmøtet – råopptak»' }).waitFor();
    await page.getByText('Holdes for gjennomgang – publiseres når en arrangør godkjenner').waitFor();
    expect(await page.getByTestId('publication').textContent()).toBe('Ikke publisert');
    await videoPlays(page, '.review-preview video');
    await expectNoAxeViolations(page);
  });

  it('publishes: the public replay plays and the archive lists it', async () => {
    await page.getByRole('button', { name: 'Publiser', exact: true }).click();
    await page.getByText('Opptaket er publisert.', { exact: false }).waitFor();
    expect(await page.getByTestId('publication').textContent()).toBe('Publisert');
    await expectNoAxeViolations(page);
    await until(replayStatus, (s) => s === 200, 'the replay page', 60_000);
    await until(archive, (html) => html?.includes(recordingId) === true, 'the archive entry', 60_000);
    const replay = await page.context().newPage();
    await replay.goto(publicUrl(publicKeys.replayPage(recordingId)));
    await videoPlays(replay, 'video');
    await replay.close();
  });

  it('renames: the public title changes', async () => {
    await page.getByLabel('Tittel', { exact: true }).fill('Kommuneplanmøtet 2027');
    await page.getByRole('button', { name: 'Gi nytt navn' }).click();
    await page.getByText('Opptaket heter nå «Kommuneplanmøtet 2027».').waitFor();
    await expectNoAxeViolations(page);
    const page_ = async () =>
      (await fetch(publicUrl(publicKeys.replayPage(recordingId))).catch(() => null))?.text() ?? '';
    await until(page_, (html) => html.includes('Kommuneplanmøtet 2027'), 'the renamed replay page', 60_000);
    await until(
      archive,
      (html) => html?.includes('Kommuneplanmøtet 2027') === true,
      'the renamed archive entry',
      60_000,
    );
  });

  it('adds a chapter by hand: the public replay lists it', async () => {
    await page.getByRole('button', { name: 'Legg til kapittel' }).click();
    await page.getByLabel('Start for kapittel 1').fill('0:02');
    await page.getByLabel('Tittel for kapittel 1').fill('Innledning om planen');
    await page.getByRole('button', { name: 'Lagre kapitlene' }).click();
    await page.getByText('Kapitlene er lagret.').waitFor();
    await expectNoAxeViolations(page);
    const html = async () =>
      (await fetch(publicUrl(publicKeys.replayPage(recordingId))).catch(() => null))?.text() ?? '';
    const replay = await until(
      html,
      (h) => h.includes('Innledning om planen'),
      'the chapter on the replay page',
      60_000,
    );
    expect(replay).toMatch(/kind="chapters"/);
  });

  it('unpublishes after asking: the replay and its archive entry are gone again', async () => {
    await page.getByRole('button', { name: 'Avpubliser', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Avpublisere opptaket?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Avpubliser' }).click();
    await page.getByText('Opptaket er tatt av det offentlige nettstedet.', { exact: false }).waitFor();
    expect(await page.getByTestId('publication').textContent()).toBe('Avpublisert');
    await until(replayStatus, (s) => s === 404, 'the replay page gone', 60_000);
    await until(
      archive,
      (html) => html !== null && !html.includes(recordingId),
      'the archive without it',
      60_000,
    );
    await expectNoAxeViolations(page);
  });

  it('deletes after asking: no object of it is left in either bucket', async () => {
    const source = (await findRecording(system.deps.db, recordingId))!.sourceKey;
    await page.getByRole('button', { name: 'Slett', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Slette «Kommuneplanmøtet 2027» for godt?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Slett for godt' }).click();
    await page.waitForURL(/\/organiser\/recordings$/);
    const { publicBucket, rawBucket } = system.deps.s3Settings;
    expect(await objects(publicBucket, publicKeys.recordingPrefix(recordingId))).toEqual([]);
    expect(await objects(rawBucket, rawKeys.reviewPrefix(recordingId))).toEqual([]);
    expect(await objects(rawBucket, source)).toEqual([]);
    expect(await findRecording(system.deps.db, recordingId)).toBeNull();
    await expectNoAxeViolations(page);
  });
});
