import { countRegistrations, updateEventRegistrationSettings } from '@folkemote/db';
import { decodeMailParts, startTestSmtpServer, type TestSmtpServer } from '@folkemote/registration/testing';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAs,
  createTestApiToken,
  createTestEvent,
  joinAs,
  postRegistration,
  registerForTest,
  registrationBody,
  roomAction,
  roomViewAs,
} from '../src/testing/index.ts';

let smtp: TestSmtpServer;
let system: TestSystem;
let organiserToken: string;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
  system = await startTestSystem({ SMTP_URL: smtp.url, REGISTRATION_RATE_LIMIT: '1000' });
  organiserToken = await createTestApiToken(system);
});
afterAll(async () => {
  await system?.stop();
  await smtp?.close();
});

const tokenOf = (joinUrl: string) => joinUrl.split('/p/')[1]!;
const me = (token: string, init: RequestInit = {}, path = '') =>
  fetch(`${system.url}/api/registrations/me${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}` },
  });
const mailTo = (address: string, subject: RegExp) =>
  smtp.waitFor((m) => m.to.includes(address) && subject.test(decodeMailParts(m.raw).subject));

describe('registering for an event', () => {
  it('confirms, e-mails the personal link with a calendar invitation, and shows the registration on the link', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 10 });
    const response = await postRegistration(system.url, event.slug, {
      ...registrationBody('en'),
      organisation: 'Sømna kommune',
      accessibilityNeeds: 'Teksting',
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; status: string; joinUrl: string };
    expect(created).toMatchObject({ status: 'confirmed', joinUrl: expect.stringMatching(/\/p\/[\w-]{43}$/) });

    const mail = decodeMailParts((await mailTo('deltaker-en@example.no', /bekreftet/)).raw);
    expect(mail.subject).toContain('Påmeldingen er bekreftet');
    expect(mail.text).toContain(created.joinUrl);
    expect(mail.calendars.length).toBeGreaterThan(0);
    const ics = mail.calendars[0]!;
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('TZID:Europe/Oslo');
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Oslo:\d{8}T\d{6}\r\n/);
    expect(ics).toContain(`UID:event-${event.id}@localhost`);
    expect(ics).toContain('SEQUENCE:0');

    const own = await me(tokenOf(created.joinUrl));
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      registration: {
        id: created.id,
        status: 'confirmed',
        organisation: 'Sømna kommune',
        accessibilityNeeds: 'Teksting',
      },
      event: { slug: event.slug },
    });
    // Only a hash of the token is stored.
    const { rows } = await system.deps.db.query<{ join_token_hash: string }>(
      'select join_token_hash from registrations where id = $1',
      [created.id],
    );
    expect(rows[0]!.join_token_hash).not.toContain(tokenOf(created.joinUrl));
  });

  it('sends the personal link over SMTP, in the text and the invitation, and keeps the sent e-mail without it', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 10 });
    const created = (await (
      await postRegistration(system.url, event.slug, registrationBody('lenke'))
    ).json()) as { id: string; joinUrl: string };
    const mail = decodeMailParts((await mailTo('deltaker-lenke@example.no', /bekreftet/)).raw);
    expect(mail.text.split(/\r?\n/)).toEqual(
      expect.arrayContaining([created.joinUrl, `${created.joinUrl}#cancel`]),
    );
    const invitation = mail.calendars[0]!.replace(/\r\n /g, '');
    expect(invitation).toContain(`URL:${created.joinUrl}\r\n`);
    expect(invitation).toContain(`LOCATION:${created.joinUrl}\r\n`);

    const stored = () =>
      system.deps.db.query<{ status: string; text_body: string; ics: string | null }>(
        'select status, text_body, ics from outbound_emails where registration_id = $1',
        [created.id],
      );
    await expect.poll(async () => (await stored()).rows.map((r) => r.status)).toEqual(['sent']);
    const { rows } = await stored();
    expect(`${rows[0]!.text_body}${rows[0]!.ics}`).not.toContain(tokenOf(created.joinUrl));
    expect(rows[0]!.text_body).toContain('/p/[personlig-lenke]');
  });

  it('gives a second registration with the same address the same registration, and the link again only by e-mail', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 10 });
    const first = (await (await postRegistration(system.url, event.slug, registrationBody('to'))).json()) as {
      id: string;
    };
    const again = await postRegistration(
      system.url,
      event.slug,
      registrationBody('to', { email: ' DELTAKER-TO@example.no' }),
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: first.id, joinUrl: null, alreadyRegistered: true });
    expect(await countRegistrations(system.deps.db, event.id)).toEqual({
      confirmed: 1,
      waitlisted: 0,
      cancelled: 0,
    });
    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes('deltaker-to@example.no')).length)
      .toBe(2);
  });

  it('never answers with a cancelled registrant’s link: registering their address again replaces the link, sends it by e-mail only, and keeps only the new form', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 10 });
    const address = 'deltaker-tatt@example.no';
    const victim = (await (
      await postRegistration(
        system.url,
        event.slug,
        registrationBody('tatt', {
          name: 'Vera Opprinnelig',
          organisation: 'Sømna kommune',
          accessibilityNeeds: 'Teksting',
        }),
      )
    ).json()) as { id: string; joinUrl: string };
    const oldToken = tokenOf(victim.joinUrl);
    await mailTo(address, /bekreftet/);
    expect((await me(oldToken, { method: 'POST' }, '/cancel')).status).toBe(200);

    const attempt = await postRegistration(
      system.url,
      event.slug,
      registrationBody('tatt', { name: 'Noen Annen' }),
    );
    expect(attempt.status).toBe(201);
    const answer = await attempt.text();
    expect(answer).not.toContain(oldToken);
    expect(JSON.parse(answer)).toEqual({
      id: victim.id,
      status: 'confirmed',
      joinUrl: null,
      alreadyRegistered: false,
    });
    // The old link opens nothing any more: not the data, not the cancellation, not the deletion.
    expect((await me(oldToken)).status).toBe(404);
    expect((await me(oldToken, { method: 'DELETE' })).status).toBe(404);

    // The new link is in the mailbox, and shows what the new form held, nothing of the old one.
    await expect.poll(() => smtp.received.filter((m) => m.to.includes(address)).length).toBe(2);
    const second = decodeMailParts(smtp.received.filter((m) => m.to.includes(address))[1]!.raw);
    const newToken = /\/p\/([\w-]{43})/.exec(second.text)?.[1];
    expect(newToken).toBeDefined();
    expect(newToken).not.toBe(oldToken);
    const own = await me(newToken!);
    expect(own.status).toBe(200);
    expect(((await own.json()) as { registration: unknown }).registration).toMatchObject({
      id: victim.id,
      status: 'confirmed',
      name: 'Noen Annen',
      organisation: null,
      accessibilityNeeds: null,
    });
  });

  it('names every bad field in a 400 and stores nothing', async () => {
    const event = await createTestEvent(system.deps.db);
    const response = await postRegistration(system.url, event.slug, {
      name: 'x'.repeat(201),
      email: 'ikke-en-adresse',
      organisation: 'y'.repeat(201),
      consent: false,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe('invalid_input');
    expect(Object.keys(body.error.fields).sort()).toEqual(['consent', 'email', 'name', 'organisation']);
    expect(body.error.fields.email).toEqual(['must be a valid e-mail address']);
    expect(await countRegistrations(system.deps.db, event.id)).toEqual({
      confirmed: 0,
      waitlisted: 0,
      cancelled: 0,
    });
  });

  it('keeps HTML and script in every text field as plain text', async () => {
    const event = await createTestEvent(system.deps.db);
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const response = await postRegistration(system.url, event.slug, {
      ...registrationBody('xss'),
      name: payload,
      organisation: payload,
      accessibilityNeeds: payload,
    });
    expect(response.status).toBe(201);
    const { joinUrl } = (await response.json()) as { joinUrl: string };
    const own = (await (await me(tokenOf(joinUrl))).json()) as { registration: Record<string, string> };
    expect(own.registration).toMatchObject({
      name: payload,
      organisation: payload,
      accessibilityNeeds: payload,
    });
    const mail = await mailTo('deltaker-xss@example.no', /bekreftet/);
    // Plain text only: there is no HTML part for the payload to become markup in.
    expect(mail.raw).not.toMatch(/Content-Type: text\/html/i);
  });

  it('refuses a filled honeypot, a closed registration, a cancelled event and a full event without waiting list', async () => {
    const open = await createTestEvent(system.deps.db);
    const honeypot = await postRegistration(
      system.url,
      open.slug,
      registrationBody('bot', { website: 'http://spam.example' }),
    );
    expect(honeypot.status).toBe(400);
    expect(((await honeypot.json()) as { error: { code: string } }).error.code).toBe('rejected');

    const closed = await createTestEvent(system.deps.db, {
      registrationClosesAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const late = await postRegistration(system.url, closed.slug, registrationBody('sein'));
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({
      error: { code: 'registration_closed', message: 'Registration has closed' },
    });

    const cancelled = await createTestEvent(system.deps.db, { status: 'cancelled' });
    const toCancelled = await postRegistration(system.url, cancelled.slug, registrationBody('avlyst'));
    expect(toCancelled.status).toBe(409);
    expect(await toCancelled.json()).toMatchObject({ error: { code: 'event_cancelled' } });

    const full = await createTestEvent(system.deps.db, { capacity: 1, waitlistEnabled: false });
    expect((await postRegistration(system.url, full.slug, registrationBody('forst'))).status).toBe(201);
    const refused = await postRegistration(system.url, full.slug, registrationBody('sist'));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'event_full' } });

    const draft = await createTestEvent(system.deps.db, { status: 'draft' });
    expect((await postRegistration(system.url, draft.slug, registrationBody('utkast'))).status).toBe(404);

    for (const e of [open, closed, cancelled])
      expect(await countRegistrations(system.deps.db, e.id)).toEqual({
        confirmed: 0,
        waitlisted: 0,
        cancelled: 0,
      });
    expect(await countRegistrations(system.deps.db, full.id)).toEqual({
      confirmed: 1,
      waitlisted: 0,
      cancelled: 0,
    });
  });

  it('frees a cancelled seat for the first on the waiting list, who is told by e-mail', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 1 });
    const first = (await (await postRegistration(system.url, event.slug, registrationBody('a1'))).json()) as {
      joinUrl: string;
    };
    const second = (await (
      await postRegistration(system.url, event.slug, registrationBody('a2'))
    ).json()) as {
      id: string;
      status: string;
    };
    const third = (await (await postRegistration(system.url, event.slug, registrationBody('a3'))).json()) as {
      status: string;
    };
    expect([second.status, third.status]).toEqual(['waitlisted', 'waitlisted']);
    const cancel = await me(tokenOf(first.joinUrl), { method: 'POST' }, '/cancel');
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ registration: { status: 'cancelled' } });
    expect(await countRegistrations(system.deps.db, event.id)).toEqual({
      confirmed: 1,
      waitlisted: 1,
      cancelled: 1,
    });
    const promoted = decodeMailParts((await mailTo('deltaker-a2@example.no', /fått plass/)).raw);
    expect(promoted.calendars[0]).toContain('METHOD:REQUEST');
    // Cancelling again changes nothing.
    await me(tokenOf(first.joinUrl), { method: 'POST' }, '/cancel');
    expect(await countRegistrations(system.deps.db, event.id)).toEqual({
      confirmed: 1,
      waitlisted: 1,
      cancelled: 1,
    });
  });

  it('answers forged, malformed and deleted personal links with the same 404, changing nothing', async () => {
    const event = await createTestEvent(system.deps.db);
    const { joinUrl } = (await (
      await postRegistration(system.url, event.slug, registrationBody('slett'))
    ).json()) as {
      joinUrl: string;
    };
    const token = tokenOf(joinUrl);
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [forged, 'kort', `${token}x`]) {
      const response = await me(bad);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_link' } });
      expect((await me(bad, { method: 'DELETE' })).status).toBe(404);
    }
    expect((await fetch(`${system.url}/api/registrations/me`)).status).toBe(404);
    expect(await countRegistrations(system.deps.db, event.id)).toEqual({
      confirmed: 1,
      waitlisted: 0,
      cancelled: 0,
    });

    const deleted = await me(token, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    const { rows } = await system.deps.db.query('select 1 from registrations where event_id = $1', [
      event.id,
    ]);
    expect(rows).toHaveLength(0);
    // The count stays, as one cancelled registration.
    expect(await countRegistrations(system.deps.db, event.id)).toEqual({
      confirmed: 0,
      waitlisted: 0,
      cancelled: 1,
    });
    expect((await me(token)).status).toBe(404);
  });

  it('limits registrations per IP address, with 429 and a reason', async () => {
    const limited = await startTestSystem({
      REGISTRATION_RATE_LIMIT: '3',
      REGISTRATION_RATE_WINDOW_S: '600',
    });
    try {
      const event = await createTestEvent(limited.deps.db);
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await postRegistration(limited.url, event.slug, registrationBody(`rl${i}`))).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const response = await postRegistration(limited.url, event.slug, registrationBody('rl9'));
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await response.json()).toMatchObject({ error: { code: 'rate_limited' } });
    } finally {
      await limited.stop();
    }
  });
});

describe('registrants in the live room', () => {
  it('takes a registrant’s name out of the live room when they delete their data', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 10 });
    const leaving = await registerForTest(system.url, event.slug, {
      name: 'Rut Romdeltaker',
      email: 'rut-romdeltaker@example.no',
    });
    const staying = await registerForTest(system.url, event.slug, {
      name: 'Bo Blirværende',
      email: 'bo-blirvaerende@example.no',
    });
    for (const to of ['open', 'live'])
      expect((await roomAction(system, event.slug, organiserToken, to)).status).toBe(200);
    for (const attendee of [leaving, staying]) {
      expect((await joinAs(system, event.slug, attendee.joinToken)).status).toBe(200);
      expect(
        (await callAs(system, attendee.joinToken, 'POST', `/api/events/${event.slug}/room/hand`)).status,
      ).toBe(200);
    }
    const namesInRoom = async () =>
      (
        await system.deps.db.query<{ display_name: string }>(
          'select display_name from room_participants where event_id = $1 order by display_name',
          [event.id],
        )
      ).rows.map((r) => r.display_name);
    const handsSeenByHost = async () =>
      (await roomViewAs(system, event.slug, organiserToken)).hands.map((h) => h.displayName);
    expect(await namesInRoom()).toEqual(['Bo Blirværende', 'Rut Romdeltaker']);
    expect(await handsSeenByHost()).toEqual(['Rut Romdeltaker', 'Bo Blirværende']);

    expect((await me(leaving.joinToken, { method: 'DELETE' })).status).toBe(200);
    expect(await namesInRoom()).toEqual(['Bo Blirværende']);
    expect(await handsSeenByHost()).toEqual(['Bo Blirværende']);
  });
});

describe('organiser views of registrations', () => {
  const asOrganiser = (path: string, init: RequestInit = {}) =>
    fetch(`${system.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${organiserToken}`, 'content-type': 'application/json' },
    });

  it('lists counts and registrations, and exports CSV that Excel opens with Norwegian characters and no formulas', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 1 });
    await postRegistration(
      system.url,
      event.slug,
      registrationBody('c1', { name: 'Åse Øvrebø', organisation: 'Sømna; "kommune"' }),
    );
    await postRegistration(
      system.url,
      event.slug,
      registrationBody('c2', { name: '=HYPERLINK("http://x")' }),
    );
    expect((await fetch(`${system.url}/api/events/${event.slug}/registrations`)).status).toBe(401);

    const list = (await (await asOrganiser(`/api/events/${event.slug}/registrations`)).json()) as {
      counts: unknown;
      registrations: Array<{ name: string; status: string }>;
    };
    expect(list.counts).toEqual({ confirmed: 1, waitlisted: 1, cancelled: 0 });
    expect(list.registrations.map((r) => [r.name, r.status])).toEqual([
      ['Åse Øvrebø', 'confirmed'],
      ['=HYPERLINK("http://x")', 'waitlisted'],
    ]);

    const csv = await asOrganiser(`/api/events/${event.slug}/registrations?format=csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      '"Status";"Navn";"E-post";"Organisasjon";"Tilretteleggingsbehov";"Tidspunkt for påmelding";"Tidspunkt for avmelding"',
    );
    expect(lines[1]).toContain('"Påmeldt";"Åse Øvrebø";"deltaker-c1@example.no";"Sømna; ""kommune"""');
    expect(lines[2]).toContain(`"Venteliste";"'=HYPERLINK(""http://x"")"`);
    // In the organiser's language, whatever the event's.
    const csvIn = async (lang: string) =>
      (
        await (await asOrganiser(`/api/events/${event.slug}/registrations?format=csv&lang=${lang}`)).text()
      ).split('\r\n');
    const nn = await csvIn('nn');
    expect(nn[0]).toContain('"Status";"Namn";"E-post"');
    expect(nn[1]).toMatch(/^"Påmeld";"Åse Øvrebø"/);
    const en = await csvIn('en');
    expect(en[0]).toContain('"Status";"Name";"E-mail";"Organisation";"Accessibility needs";"Registered at"');
    expect(en[2]).toMatch(/^"Waiting list";/);
    const bad = await asOrganiser(`/api/events/${event.slug}/registrations?format=csv&lang=de`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid_query', message: 'lang must be "nb", "nn" or "en"' },
    });
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('refuses another organisation’s event', async () => {
    const other = await createTestEvent(system.deps.db, {}, { organisationSlug: 'annen-kommune' });
    expect((await asOrganiser(`/api/events/${other.slug}/registrations`)).status).toBe(404);
  });

  it('e-mails a message to everyone registered', async () => {
    const event = await createTestEvent(system.deps.db, { capacity: 1 }, { language: 'en' });
    await postRegistration(system.url, event.slug, registrationBody('m1'));
    await postRegistration(system.url, event.slug, registrationBody('m2'));
    const bad = await asOrganiser(`/api/events/${event.slug}/messages`, { method: 'POST', body: '{}' });
    expect(bad.status).toBe(400);
    const sent = await asOrganiser(`/api/events/${event.slug}/messages`, {
      method: 'POST',
      body: JSON.stringify({ subject: 'New room', body: 'We meet in room 2.' }),
    });
    expect(sent.status).toBe(202);
    expect(await sent.json()).toMatchObject({ recipients: 2 });
    for (const who of ['m1', 'm2']) {
      const mail = decodeMailParts((await mailTo(`deltaker-${who}@example.no`, /New room/)).raw);
      expect(mail.text).toContain('We meet in room 2.');
      expect(mail.text).toContain('A message from Testkommune:');
    }
  });

  it('e-mails a change with a higher SEQUENCE, and a cancellation', async () => {
    const { notifyEventCancelled, notifyEventChanged } = await import('@folkemote/registration');
    const event = await createTestEvent(system.deps.db, {}, { language: 'nn' });
    await postRegistration(system.url, event.slug, registrationBody('endring'));
    await updateEventRegistrationSettings(system.deps.db, event.id, {
      address: 'Fylkeshuset, Bodø',
      mode: 'hybrid',
    });
    const deps = {
      db: system.deps.db,
      queues: system.deps.queues,
      publicAppUrl: system.deps.config.publicAppUrl,
    };
    await notifyEventChanged(deps, event.id);
    const changed = decodeMailParts((await mailTo('deltaker-endring@example.no', /^Endring/)).raw);
    expect(changed.text).toContain('Fylkeshuset, Bodø');
    expect(changed.calendars[0]).toContain('SEQUENCE:1');
    await notifyEventCancelled(deps, event.id);
    const cancelled = decodeMailParts((await mailTo('deltaker-endring@example.no', /^Avlyst/)).raw);
    expect(cancelled.calendars[0]).toContain('METHOD:CANCEL');
    expect(cancelled.calendars[0]).toContain('SEQUENCE:2');
    const view = (await (await fetch(`${system.url}/api/events/${event.slug}`)).json()) as { status: string };
    expect(view.status).toBe('cancelled');
  });
});
