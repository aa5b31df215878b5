import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { makeClip } from '@folkemote/media/testing';
import {
  createTestApiToken,
  createTestOrganiser,
  signInForTest,
  startTestSystem,
  type TestSystem,
  uploadRecording,
  waitForRecording,
} from '@folkemote/system/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// The caption editor in the built web app against the whole system, used by keyboard only:
// edit, split, merge, nudge, save and approve; then the public replay page has the track.
let system: TestSystem;
let browser: Browser;
let context: BrowserContext;
let dist: string;
let token: string;
let recordingId: string;
let replayUrl: string;

const api = (url: string, init: RequestInit = {}) =>
  fetch(`${system.url}/api/recordings/${recordingId}${url}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });

/** Presses Tab until the focused element matches, as a keyboard user would reach it. */
async function tabTo(page: Page, matches: (el: Element) => boolean, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error('Tab never reached the element');
}

const cueTexts = (page: Page) =>
  page
    .locator('.caption-editor__list textarea')
    .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
const cueLabels = (page: Page) => page.locator('.caption-editor__list .cue__label').allTextContents();

async function waitForReplay(check: (html: string) => boolean): Promise<string> {
  let html = '';
  await expect
    .poll(
      async () => {
        html = await (await fetch(replayUrl)).text();
        return check(html);
      },
      { timeout: 60_000, interval: 250 },
    )
    .toBe(true);
  return html;
}

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({}, { webDistDir: dist });
  token = await createTestApiToken(system);
  const organiser = await createTestOrganiser(system);
  const clip = await makeClip(path.join(system.tmp, 'clip.mp4'), { seconds: 6, size: '320x180' });
  const uploaded = await uploadRecording(
    system.url,
    await readFile(clip),
    { title: 'Nye bussruter', filename: 'clip.mp4' },
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
  // A draft to start from, as an upload or speech recognition would leave it.
  const saved = await api('/captions/nb/cues', {
    method: 'PUT',
    body: JSON.stringify({
      cues: [
        { startMs: 0, endMs: 3_000, text: 'Velkommen til møtet om nye bussruter' },
        { startMs: 3_000, endMs: 5_000, text: 'i fylket.' },
      ],
    }),
  });
  expect(saved.status).toBe(200);
  browser = await launchBrowser();
  const { cookie } = await signInForTest(system.url, organiser);
  const [name, value] = cookie.split('=') as [string, string];
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.addCookies([{ name, value, url: system.url }]);
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe('the caption editor, by keyboard only', () => {
  it('edits, splits, merges, nudges, saves and approves; the public replay then has the track', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${system.url}/organiser/recordings/${recordingId}/captions/nb`);
    await page.getByLabel(/^Tekstbit 1, 0:00\.0–0:03\.0$/).waitFor({ timeout: 20_000 });
    await expectNoAxeViolations(page);
    // The draft is not on the public page.
    expect(await (await fetch(replayUrl)).text()).not.toContain('<track kind="captions"');

    // Into the first cue's text, with Tab; the caret after "Velkommen til møtet".
    await tabTo(page, (el) => el.id === 'cue-0-text');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Velkommen til møtet'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Alt+KeyS');
    await expect.poll(() => cueTexts(page)).toEqual(['Velkommen til møtet', 'om nye bussruter', 'i fylket.']);
    // Split in the middle of its time (the preview stands at 0, outside the cue), focus on the second half.
    expect(await cueLabels(page)).toEqual([
      'Tekstbit 1, 0:00.0–0:01.5',
      'Tekstbit 2, 0:01.5–0:03.0',
      'Tekstbit 3, 0:03.0–0:05.0',
    ]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cue-1-text');
    await page.getByRole('status').filter({ hasText: 'Tekstbit 1 er delt i to.' }).waitFor();

    // Merge the second with the third; the caret stays where the texts meet.
    await page.keyboard.press('Alt+KeyM');
    await expect.poll(() => cueTexts(page)).toEqual(['Velkommen til møtet', 'om nye bussruter i fylket.']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cue-1-text');

    // Nudge: start 0.1 s later, end 1 s later.
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await expect
      .poll(() => cueLabels(page))
      .toEqual(['Tekstbit 1, 0:00.0–0:01.5', 'Tekstbit 2, 0:01.6–0:06.0']);
    await page.getByRole('status').filter({ hasText: 'Tekstbit 2: 0:01.6–0:06.0.' }).waitFor();

    // Edit the text: a long line breaks the 42-character rule, said next to the cue and counted.
    await page.keyboard.press('End');
    await page.keyboard.type(' Vi tar spørsmål etterpå');
    await page.getByText('Linje 1 har 50 tegn (høyst 42).').waitFor();
    await page.getByText('1 av 2 tekstbiter bryter en regel.').waitFor();
    // A line break in place of the space before the last word: two lines within the rule.
    for (let i = 0; i < 'etterpå'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => cueTexts(page))
      .toEqual(['Velkommen til møtet', 'om nye bussruter i fylket. Vi tar spørsmål\netterpå']);
    await page.getByText('Alle tekstbitene følger reglene.').waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'tegn (høyst 42)' }).count()).toBe(0);

    // Ctrl+Enter plays the cue from its start in the preview.
    await page.locator('video').evaluate((v: HTMLVideoElement) => {
      v.muted = true;
    });
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () => (document.querySelector('video') as HTMLVideoElement).currentTime >= 1.6,
      null,
      {
        timeout: 20_000,
      },
    );

    // Save (Ctrl+S): a draft, still not public.
    await page.keyboard.press('Control+KeyS');
    await page.getByText('Utkastet er lagret.', { exact: false }).waitFor();
    expect(await (await fetch(replayUrl)).text()).not.toContain('<track kind="captions"');
    await expectNoAxeViolations(page);

    // Approve with the button, reached by Tab and pressed with Enter.
    await tabTo(page, (el) => el.textContent === 'Godkjenn og publiser');
    await page.keyboard.press('Enter');
    await page.getByText('Godkjent.', { exact: false }).waitFor();

    const html = await waitForReplay((h) => h.includes('<track kind="captions"'));
    const src = /<track kind="captions" src="([^"]+)" srclang="nb"/.exec(html)![1]!;
    expect(await (await fetch(src)).text()).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nVelkommen til møtet\n\n' +
        '00:00:01.600 --> 00:00:06.000\nom nye bussruter i fylket. Vi tar spørsmål\netterpå\n',
    );
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows 1.2.2 and 1.2.5 on the recordings page, and a statement set there shows on the replay page', async () => {
    const page = await context.newPage();
    await page.goto(`${system.url}/organiser/recordings`);
    await page.getByText('1.2.2 Teksting: godkjent').first().waitFor({ timeout: 20_000 });
    await page.getByText('1.2.5 Synstolking: ikke avklart').first().waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, (el) => el instanceof HTMLInputElement && el.type === 'radio');
    // Arrow keys move through a radio group; the second choice is "said aloud".
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(() =>
        (document.activeElement as HTMLInputElement).parentElement?.textContent?.trim(),
      ),
    ).toBe('Alt som vises, blir sagt høyt');
    await tabTo(page, (el) => el.textContent === 'Lagre valget');
    await page.keyboard.press('Enter');
    await page.getByText('Valget for synstolking er lagret.').waitFor();
    const html = await waitForReplay((h) => h.includes('data-audio-description="said-aloud"'));
    expect(html).toContain('Synstolking: alt som vises i opptaket, blir også sagt høyt');
    const replay = await context.newPage();
    await replay.goto(replayUrl);
    await expectNoAxeViolations(replay);
    await replay.close();
    await page.close();
  }, 120_000);
});
