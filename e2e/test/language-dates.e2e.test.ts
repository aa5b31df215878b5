import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { updateEventRegistrationSettings, upsertEvent, upsertOrganisation } from '@folkemote/db';
import type { Locale } from '@folkemote/domain';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// Chromium ships no nynorsk date data and falls back to its own language: in a browser that runs
// in English, a nynorsk page used to say "Tuesday, January 19, 2027, 9:00 AM – 2:00 PM".
const screenshots = '.data/screenshots/language';

const title = `Kommuneplanen for Sogndal ${randomBytes(2).toString('hex')}`;
// Tuesday 19 January 2027, 09:00–14:00 in Oslo (CET); registration closes a week before at 12:00.
const startsAt = '2027-01-19T08:00:00.000Z';
const endsAt = '2027-01-19T13:00:00.000Z';
const closesAt = '2027-01-12T11:00:00.000Z';

const expected: Record<Locale, { switcher: string; time: string; deadline: string; badge: string }> = {
  nb: {
    switcher: 'Bokmål',
    time: 'tirsdag 19. januar 2027, 09:00–14:00',
    deadline: 'tirsdag 12. januar 2027 kl. 12:00',
    badge: '19.jan',
  },
  nn: {
    switcher: 'Nynorsk',
    time: 'tysdag 19. januar 2027, 09:00–14:00',
    deadline: 'tysdag 12. januar 2027 kl. 12:00',
    badge: '19.jan',
  },
  en: {
    switcher: 'English',
    time: 'Tuesday, 19 January 2027, 09:00–14:00',
    deadline: 'Tuesday, 12 January 2027 at 12:00',
    badge: '19Jan',
  },
};

const sizes = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

let dist: string;
let system: TestSystem;
let browser: Browser;
let slug: string;

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({}, { webDistDir: dist });
  const db = system.deps.db;
  await upsertOrganisation(db, { slug: 'vestland-fylkeskommune', name: 'Vestland fylkeskommune' });
  const event = await upsertEvent(db, {
    slug: `kommuneplan-${randomBytes(3).toString('hex')}`,
    title,
    description: 'Innspelsmøte om arealdelen.',
    startsAt,
    endsAt,
    organisationSlug: 'vestland-fylkeskommune',
    language: 'nn',
    contact: { name: 'Planavdelinga', email: 'plan@example.no', phone: null },
  });
  await updateEventRegistrationSettings(db, event.id, {
    status: 'published',
    capacity: 80,
    recorded: true,
    registrationClosesAt: closesAt,
  });
  slug = event.slug;
  // The browser's own language is English, both its UI language and what pages see as its locale.
  browser = await launchBrowser({ args: ['--lang=en-US'] });
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function englishBrowserPage(size: keyof typeof sizes): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-US',
    // Far from Oslo, so a date taken from the viewer's own zone would show.
    timezoneId: 'America/New_York',
    viewport: sizes[size],
  });
  return context.newPage();
}

describe('dates in a browser that runs in English', () => {
  for (const size of Object.keys(sizes) as Array<keyof typeof sizes>) {
    for (const locale of ['nb', 'nn', 'en'] as const) {
      it(`shows ${locale} dates on the home page and the event page (${size})`, async () => {
        const want = expected[locale];
        const page = await englishBrowserPage(size);
        expect(await page.evaluate(() => navigator.language)).toBe('en-US');
        await page.goto(`${system.url}/`);
        if (locale !== 'nb') {
          await page.getByRole('link', { name: want.switcher }).click();
          await page.waitForURL(`**/?lang=${locale}`);
        }
        const card = page.locator('article.event-card', { hasText: title });
        await card.waitFor();
        expect(await card.locator('time').first().textContent()).toBe(want.time);
        expect((await card.locator('.event-card__date').textContent())?.trim()).toBe(want.badge);
        await expectNoAxeViolations(page);
        await page.screenshot({ path: `${screenshots}/home-${size}-${locale}.png`, fullPage: true });

        await card.getByRole('link', { name: title }).click();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        expect(page.url()).toContain(`/arrangement/${slug}`);
        const times = await page.locator('.facts time').allTextContents();
        expect(times).toEqual([want.time, want.deadline]);
        await expectNoAxeViolations(page);
        await page.screenshot({ path: `${screenshots}/event-${size}-${locale}.png`, fullPage: true });
        await page.context().close();
      });
    }
  }
});
