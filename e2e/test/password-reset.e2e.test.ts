import { rm } from 'node:fs/promises';
import { deliverPasswordReset, type MailMessage, type MailSender } from '@folkemote/registration';
import { createTestOrganiser, startTestSystem, type TestSystem } from '@folkemote/system/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, expectNoAxeViolations, launchBrowser } from '../src/index.ts';

// The real API with the web app built for this test; the e-mail is read as SMTP would carry it.
let dist: string;
let system: TestSystem;
let browser: Browser;

beforeAll(async () => {
  dist = await buildWebApp();
  system = await startTestSystem({}, { webDistDir: dist });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

/** The link of the newest reset message to the address, put in as over SMTP. */
async function resetLinkSentTo(email: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const { rows } = await system.deps.db.query<{ id: string; status: string }>(
          `select id, status from outbound_emails where kind = 'password-reset' and to_address = $1
           order by created_at desc limit 1`,
          [email],
        );
        id = rows[0]?.id;
        return rows[0]?.status;
      },
      { timeout: 20_000 },
    )
    .toBe('stored');
  await system.deps.db.query(`update outbound_emails set status = 'pending' where id = $1`, [id]);
  const sent: MailMessage[] = [];
  const smtp: MailSender = { kind: 'smtp', send: async (m) => void sent.push(m), close() {} };
  await deliverPasswordReset({ db: system.deps.db, mail: smtp }, id!);
  const link = new URL(/https?:\/\/\S+\/organiser\/nytt-passord\S*#fmr_[\w-]{43}/.exec(sent[0]!.text)![0]);
  // The system under test learns its port after its settings are made: the link's path, on its address.
  return `${system.url}${link.pathname}${link.search}${link.hash}`;
}

const journeys = [
  {
    name: 'on a desktop, in bokmål',
    viewport: { width: 1280, height: 900 },
    lang: 'nb',
    words: {
      signIn: 'Logg inn',
      forgot: 'Glemt passord?',
      email: 'E-postadresse',
      send: 'Send lenke',
      sent: /får du snart en e-post/,
      password: 'Nytt passord',
      save: 'Lagre passordet',
      done: 'Passordet er endret. Du er logget ut overalt.',
      invalid: 'Lenken er brukt, utløpt eller ufullstendig.',
    },
  },
  {
    name: 'on a phone, in nynorsk',
    viewport: { width: 375, height: 740 },
    lang: 'nn',
    words: {
      signIn: 'Logg inn',
      forgot: 'Gløymt passord?',
      email: 'E-postadresse',
      send: 'Send lenkje',
      sent: /får du snart ein e-post/,
      password: 'Nytt passord',
      save: 'Lagre passordet',
      done: 'Passordet er endra. Du er logga ut overalt.',
      invalid: 'Lenkja er brukt, gått ut eller ufullstendig.',
    },
  },
] as const;

describe('forgot password, in the web app', () => {
  it.each(journeys)(
    'sets a new password from the e-mailed link once, $name',
    async ({ viewport, lang, words }) => {
      const organiser = await createTestOrganiser(system, { password: 'gammelt-passord-123' });
      const context = await browser.newContext({ viewport, locale: lang === 'nn' ? 'nn-NO' : 'nb-NO' });
      const page: Page = await context.newPage();
      const query = lang === 'nb' ? '' : `?lang=${lang}`;
      await page.goto(`${system.url}/organiser/sign-in${query}`);
      await page.getByRole('link', { name: words.forgot }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(page);

      await page.getByLabel(words.email).fill(organiser.email);
      await page.getByRole('button', { name: words.send }).click();
      await page.getByText(words.sent).waitFor();
      await expectNoAxeViolations(page);

      const link = await resetLinkSentTo(organiser.email);
      await page.goto(link);
      await page.getByLabel(words.password).waitFor();
      // The token is taken out of the address at once.
      expect(page.url()).not.toContain('fmr_');
      await page.getByLabel(words.password).fill('kort');
      await page.getByRole('button', { name: words.save }).click();
      await page.locator('#reset-password-error').waitFor();
      await expectNoAxeViolations(page);
      await page.getByLabel(words.password).fill('nytt-passord-456');
      await page.getByRole('button', { name: words.save }).click();
      await page.getByText(words.done).waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole('main').getByRole('link', { name: words.signIn }).click();
      await page.getByLabel(words.email).fill(organiser.email);
      await page.getByLabel('Passord', { exact: true }).fill('nytt-passord-456');
      await page.getByRole('button', { name: words.signIn }).click();
      await page.waitForURL(/\/organiser\/events/);

      // The link works once.
      await page.goto(link);
      await page.getByLabel(words.password).fill('tredje-passord-789');
      await page.getByRole('button', { name: words.save }).click();
      await page.getByText(words.invalid).waitFor();
      await expectNoAxeViolations(page);
      await context.close();
    },
  );
});
