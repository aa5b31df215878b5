import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { saveReplayChapters } from '@folkemote/db';
import { renderChaptersVtt } from '@folkemote/site';
import { publicKeys, putObject } from '@folkemote/storage';
import {
  approveCaptionsForTest,
  createTestApiToken,
  createTestEvent,
  createTestOrganiser,
  startTestSystem,
  type TestSystem,
  uploadRecording,
  waitForRecording,
} from '@folkemote/system/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// An organiser trims a published recording in the browser (the start, and a break in the middle,
// both between keyframes), previews it, publishes it; the public replay plays the trimmed version
// with its captions and chapters moved; then the original is restored.
const run = promisify(execFile);
let dist: string;
let system: TestSystem;
let browser: Browser;
let page: Page;
let recordingId: string;
let replayUrl: string;
const organisation = { slug: 'testkommune', name: 'Testkommune' };
const captions = [
  'WEBVTT',
  '',
  '00:00:02.000 --> 00:00:03.000',
  'Velkommen',
  '',
  '00:00:08.000 --> 00:00:09.000',
  'Etter pausen',
  '',
  '00:00:10.500 --> 00:00:11.500',
  'Til slutt',
  '',
].join('\n');
const chapters = [
  {
    questionId: '00000000-0000-4000-8000-000000000001',
    startSeconds: 1.5,
    endSeconds: 4,
    title: 'Hva koster skolen?',
  },
  {
    questionId: '00000000-0000-4000-8000-000000000002',
    startSeconds: 4,
    endSeconds: 8,
    title: 'Når starter byggingen?',
  },
  {
    questionId: '00000000-0000-4000-8000-000000000003',
    startSeconds: 8,
    endSeconds: 12,
    title: 'Hva med skolevei?',
  },
];

/** What the public replay plays: its length, its caption cues and its chapters. */
async function readReplay(): Promise<{
  duration: number;
  cues: Array<[number, number, string]>;
  chapters: number[];
}> {
  const replay = await browser.newPage();
  await replay.goto(`${replayUrl}?t=${Date.now()}`);
  await expectNoAxeViolations(replay);
  const result = await replay.locator('video').evaluate(async (element) => {
    const video = element as HTMLVideoElement;
    const deadline = Date.now() + 30_000;
    const track = [...video.textTracks].find((t) => t.kind === 'captions');
    if (track) track.mode = 'hidden';
    while (
      (!Number.isFinite(video.duration) || video.duration === 0 || !track?.cues?.length) &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 100));
    const cues = [...(track?.cues ?? [])].map(
      (c) => [c.startTime, c.endTime, (c as VTTCue).text] as [number, number, string],
    );
    return { duration: video.duration, cues };
  });
  const starts = await replay
    .locator('.chapters__list a')
    .evaluateAll((links) => links.map((a) => Number(a.getAttribute('data-seek'))));
  await replay.close();
  return { ...result, chapters: starts };
}

async function atTime(seconds: number): Promise<void> {
  await page.locator('video').evaluate(async (element, t) => {
    const video = element as HTMLVideoElement;
    const deadline = Date.now() + 30_000;
    while (video.readyState < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise<void>((resolve) => {
      video.addEventListener('seeked', () => resolve(), { once: true });
      video.currentTime = t;
    });
  }, seconds);
}

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({}, { webDistDir: dist });
  const token = await createTestApiToken(system, organisation);
  const event = await createTestEvent(system.deps.db, {}, { organisationSlug: organisation.slug });
  const organiser = await createTestOrganiser(system, { organisation, password: 'et-langt-demo-passord' });
  const clip = path.join(system.tmp, 'trim-e2e.mp4');
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=30:d=12'],
    ...['-f', 'lavfi', '-i', 'sine=f=330:beep_factor=2:d=12', '-c:v', 'libx264', '-preset', 'veryfast'],
    ...['-pix_fmt', 'yuv420p', '-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-c:a', 'aac', clip],
  ]);
  const uploaded = await uploadRecording(
    system.url,
    await readFile(clip),
    { title: 'Skolebruksplanen', filename: 'clip.mp4', event: event.slug },
    token,
  );
  recordingId = ((await uploaded.json()) as { id: string }).id;
  const { recording } = await waitForRecording(
    system.url,
    recordingId,
    (r) => r.state === 'published',
    120_000,
    token,
  );
  replayUrl = recording.replayUrl!;
  const put = await fetch(`${system.url}/api/recordings/${recordingId}/captions/nb`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/vtt' },
    body: captions,
  });
  expect(put.status).toBe(200);
  // An upload is a draft; approved, it is public and moves with the cuts.
  const approved = await approveCaptionsForTest(system.url, recordingId, 'nb', {
    authorization: `Bearer ${token}`,
  });
  expect(approved.status).toBe(200);
  // Chapters as the Q&A publishes them (the question text only).
  const vtt = renderChaptersVtt(chapters);
  const key = publicKeys.chapters(recordingId, 'e2e0trim0001');
  await putObject(system.deps.s3, { bucket: system.deps.s3Settings.publicBucket, key, body: vtt });
  await saveReplayChapters(system.deps.db, {
    recordingId,
    eventId: event.id,
    chapters,
    publicKey: key,
    now: new Date(),
  });
  await system.deps.queues.enqueue('replay.refresh', { recordingId });

  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'nb-NO' });
  page = await context.newPage();
  await page.goto(`${system.url}/organiser/sign-in?lang=nb`);
  await page.locator('input[type=email]').fill(organiser.email);
  await page.locator('input[type=password]').fill(organiser.password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe('trimming a recording in the browser', () => {
  it('sets the start and a cut by keyboard and typed time, previews it, publishes it, and the replay follows', async () => {
    await page.goto(`${system.url}/organiser/recordings/${recordingId}/trim?lang=nb`);
    await page.getByRole('heading', { name: 'Klipp opptaket «Skolebruksplanen»' }).waitFor();
    await expectNoAxeViolations(page);

    // The start typed as text; the cut with the player's position and the buttons, by keyboard.
    const start = page.getByLabel('Start', { exact: true });
    await start.fill('00:00:01.300');
    await start.press('Enter');
    await atTime(5.1);
    await page.getByRole('button', { name: 'Klipp fra her' }).focus();
    await page.keyboard.press('Enter');
    await atTime(7.3);
    await page.getByRole('button', { name: '… til her' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Klipp 1 fra').inputValue()).toBe('00:00:05.100');
    expect(await page.getByLabel('Klipp 1 til').inputValue()).toBe('00:00:07.300');
    await page.getByText('Resultatet blir 00:00:08.500 langt.').waitFor();

    // The preview skips the cut: played from 4.9 s, the player is past 7.3 s within a second.
    await page.getByLabel('Forhåndsvis uten de klipte delene').check();
    await atTime(4.9);
    const after = await page.locator('video').evaluate(async (element) => {
      const video = element as HTMLVideoElement;
      video.muted = true;
      await video.play();
      await new Promise((r) => setTimeout(r, 1200));
      video.pause();
      return video.currentTime;
    });
    expect(after).toBeGreaterThan(7.3);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Publiser den klipte versjonen' }).click();
    await page.getByText('Den nye versjonen er publisert.').waitFor({ timeout: 170_000 });

    const replay = await readReplay();
    expect(Math.abs(replay.duration - 8.5)).toBeLessThan(0.1);
    // Three points: a cue after the new start, one after the cut, one near the end.
    expect(replay.cues.map(([s, e, text]) => [Number(s.toFixed(3)), Number(e.toFixed(3)), text])).toEqual([
      [0.7, 1.7, 'Velkommen'],
      [4.5, 5.5, 'Etter pausen'],
      [7, 8, 'Til slutt'],
    ]);
    expect(replay.chapters).toEqual([0.2, 2.7, 4.5]);
  });

  it('restores the original', async () => {
    await page.goto(`${system.url}/organiser/recordings/${recordingId}/trim?lang=nb`);
    await page.getByRole('button', { name: 'Gjenopprett originalen' }).click();
    await page.getByText('Den nye versjonen er publisert.').waitFor({ timeout: 170_000 });
    await expectNoAxeViolations(page);
    const replay = await readReplay();
    expect(Math.abs(replay.duration - 12)).toBeLessThan(0.1);
    expect(replay.cues.map(([s, , text]) => [Number(s.toFixed(3)), text])).toEqual([
      [2, 'Velkommen'],
      [8, 'Etter pausen'],
      [10.5, 'Til slutt'],
    ]);
    expect(replay.chapters).toEqual([1.5, 4, 8]);
  });
});
