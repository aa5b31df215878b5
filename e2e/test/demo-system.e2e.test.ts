import { rm } from 'node:fs/promises';
import type { RecordingView } from '@folkemote/domain';
import {
  createTestApiToken,
  startTestSystem,
  type TestSystem,
  waitForRecording,
} from '@folkemote/system/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// The whole system as `pnpm dev` starts it — real Redis, S3-protocol server, PGlite, ffmpeg and
// the built web app — with its demo content, seen through Chromium.
let system: TestSystem;
let browser: Browser;
let demo: RecordingView;
let dist: string;

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({ DEMO_CONTENT: 'true' }, { awaitDemo: true, webDistDir: dist });
  browser = await launchBrowser();
  // The demo recording belongs to the demo event's organisation; its organisers see it in every state.
  const token = await createTestApiToken(system, { slug: 'somna-kommune', name: 'Sømna kommune' });
  const { recordings } = (await (
    await fetch(`${system.url}/api/recordings`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { recordings: RecordingView[] };
  expect(recordings).toHaveLength(1);
  demo = (
    await waitForRecording(
      system.url,
      recordings[0]!.id,
      (r) => r.state === 'published' || r.state === 'failed',
      120_000,
      token,
    )
  ).recording;
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe('the demo content', () => {
  it('goes through the real pipeline and is published', () => {
    expect(demo.failureReason).toBeNull();
    expect(demo.state).toBe('published');
    expect(demo.event?.slug).toBe('robust-oppvekst-somna');
  });

  it('plays on its public replay page, with no axe violations and no third-party requests', async () => {
    const page = await browser.newPage();
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    await page.goto(demo.replayUrl!);
    expect(await page.locator('h1').textContent()).toContain('Robust oppvekst?');
    await expectNoAxeViolations(page);

    const video = page.locator('video');
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await page.waitForFunction(
      () => (document.querySelector('video') as HTMLVideoElement).currentTime > 2,
      null,
      {
        timeout: 30_000,
      },
    );
    expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(2);
    expect([...origins]).toEqual([new URL(demo.replayUrl!).origin]);
    await page.close();
  });

  it('lists the replay in the public archive', async () => {
    const page = await browser.newPage();
    const { archiveUrl } = (await (await fetch(`${system.url}/api/site`)).json()) as { archiveUrl: string };
    // The archive is rebuilt by a job of its own right after publication.
    await expect
      .poll(async () => (await (await fetch(archiveUrl)).text()).includes(demo.id), { timeout: 20_000 })
      .toBe(true);
    await page.goto(archiveUrl);
    expect(await page.locator(`a[href*="${demo.id}"]`).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('shows the organiser the published recording and both example events, served on one origin', async () => {
    const page = await browser.newPage();
    await page.goto(`${system.url}/organiser/recordings`);
    // The page is for organisers: it sends us to sign in with the demo account, then back.
    const organiser = system.demoOrganisers.find((o) => o.organisation === 'Sømna kommune')!;
    await page.getByLabel('E-postadresse').fill(organiser.email);
    await page.getByLabel('Passord').fill(organiser.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(`${system.url}/organiser/recordings`);
    await page
      .getByRole('link', { name: /Robust oppvekst/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(page);

    // Captions: the published recording says they are due, and takes a SubRip file from the form.
    expect(await page.getByText('Mangler teksting').count()).toBeGreaterThan(0);
    await page
      .getByText(/Legg til teksting for/)
      .first()
      .click();
    await page
      .getByLabel('Tekstfil')
      .first()
      .setInputFiles({
        name: 'robust-oppvekst.srt',
        mimeType: 'application/x-subrip',
        buffer: Buffer.from('1\n00:00:00,500 --> 00:00:02,000\nVelkommen til webinaret\n'),
      });
    await page.getByRole('button', { name: 'Last opp teksting' }).first().click();
    await page
      .getByText('Tekstingen på Norsk (bokmål) er lastet opp som utkast', { exact: false })
      .waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(page);
    // An upload is a draft; one click approves it, and only then is it on the replay page.
    await page.getByRole('button', { name: 'Godkjenn Norsk (bokmål)' }).first().click();
    await page.getByText('Norsk (bokmål) er godkjent.').first().waitFor({ timeout: 10_000 });
    const deadline = Date.now() + 30_000;
    let replay = '';
    while (!replay.includes('kind="captions"') && Date.now() < deadline) {
      replay = await (await fetch(demo.replayUrl!)).text();
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(replay).toMatch(
      /<track kind="captions" src="[^"]+\/captions\/nb\.[0-9a-f]{12}\.vtt" srclang="nb"/,
    );
    await page.goto(`${system.url}/`);
    await page.getByText('Trygge lokalsamfunn', { exact: false }).first().waitFor({ timeout: 10_000 });
    expect(await page.getByText('Sømna kommune').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
