import { deleteRegistrationsKeepingCounts } from '@folkemote/db';
import {
  deliverStaffInvite,
  type MailMessage,
  type MailSender,
  sendStaffInvite,
} from '@folkemote/registration';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiToken, createTestEvent } from '../src/testing/index.ts';

// The embedded default (no SMTP_URL): the invitation waits in the outbox, its link redacted. What
// SMTP would carry is read from a sender that keeps what it is given.
let system: TestSystem;
let token: string;
beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
});
afterAll(async () => {
  await system?.stop();
});

const invite = (slug: string, body: unknown) =>
  fetch(`${system.url}/api/organiser/events/${slug}/staff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const storedFor = async (staffId: string) =>
  (
    await system.deps.db.query<{
      id: string;
      status: string;
      to_address: string;
      text_body: string;
      ics: string;
    }>(
      'select id, status, to_address, text_body, ics from outbound_emails where staff_id = $1 order by created_at',
      [staffId],
    )
  ).rows;
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('a staff link sent by e-mail from the form', () => {
  it('goes through the outbox with a calendar file, the link redacted at rest', async () => {
    const event = await createTestEvent(system.deps.db, {}, { language: 'nn' });
    const response = await invite(event.slug, {
      displayName: 'Per Presentatør',
      role: 'presenter',
      email: 'per@example.no',
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; joinUrl: string; emailed: boolean };
    expect(created.emailed).toBe(true);
    const linkToken = created.joinUrl.split('#')[1]!;
    expect(linkToken).toMatch(/^fmp_[A-Za-z0-9_-]{43}$/);

    await expect
      .poll(async () => (await storedFor(created.id))[0]?.status, { timeout: 20_000 })
      .toBe('stored');
    const [stored] = await storedFor(created.id);
    expect(stored!.to_address).toBe('per@example.no');
    expect(stored!.text_body).toContain('Hei Per Presentatør,');
    expect(stored!.text_body).toContain('som presentatør i webinaret');
    expect(stored!.text_body).toContain(`/arrangement/${event.slug}/direkte#[lenke-til-rommet]`);
    expect(stored!.text_body).not.toContain(linkToken);
    expect(unfolded(stored!.ics)).toContain('ATTENDEE;CN=Per Presentatør');
    expect(stored!.ics).not.toContain(linkToken);

    // Over SMTP the link the organiser was shown goes in as the message leaves.
    const sent: MailMessage[] = [];
    const smtp: MailSender = { kind: 'smtp', send: async (m) => void sent.push(m), close() {} };
    await sendStaffInvite(
      {
        db: system.deps.db,
        queues: { enqueue: async () => {} },
        publicAppUrl: system.deps.config.publicAppUrl,
      },
      { staffId: created.id, to: 'per@example.no' },
    );
    const pending = (await storedFor(created.id)).find((m) => m.status === 'pending')!;
    expect(await deliverStaffInvite({ db: system.deps.db, mail: smtp }, pending.id)).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(created.joinUrl);
    expect(unfolded(sent[0]!.ics!)).toContain(`URL:${created.joinUrl}`);
    expect(sent[0]!.icsMethod).toBe('REQUEST');
    // A retried job sends nothing twice.
    expect(await deliverStaffInvite({ db: system.deps.db, mail: smtp }, pending.id)).toBe('sent');
    expect(sent).toHaveLength(1);

    // The link the e-mail carries lets its holder in.
    const room = await fetch(`${system.url}/api/events/${event.slug}/room`, {
      headers: { authorization: `Bearer ${linkToken}` },
    });
    expect(room.status).toBe(200);

    // A link revoked before its message left is not sent.
    await sendStaffInvite(
      {
        db: system.deps.db,
        queues: { enqueue: async () => {} },
        publicAppUrl: system.deps.config.publicAppUrl,
      },
      { staffId: created.id, to: 'per@example.no' },
    );
    const late = (await storedFor(created.id)).find((m) => m.status === 'pending')!;
    const revoked = await fetch(`${system.url}/api/organiser/events/${event.slug}/staff/${created.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(204);
    expect(await deliverStaffInvite({ db: system.deps.db, mail: smtp }, late.id)).toBe('skipped');
    expect(sent).toHaveLength(1);

    // The invitations hold an address: they go when the event's registrant data does.
    await deleteRegistrationsKeepingCounts(system.deps.db, event.id, 'all');
    expect(await storedFor(created.id)).toHaveLength(0);
  });

  it('sends nothing without an address, and refuses one that is not an address, making no link', async () => {
    const event = await createTestEvent(system.deps.db);
    const plain = await invite(event.slug, { displayName: 'Mona', role: 'moderator', email: '' });
    expect(plain.status).toBe(201);
    const made = (await plain.json()) as { id: string; emailed: boolean };
    expect(made.emailed).toBe(false);
    expect(await storedFor(made.id)).toHaveLength(0);

    const bad = await invite(event.slug, { displayName: 'Mona', role: 'moderator', email: 'mona@' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { fields: { email: ['must be a valid e-mail address'] } },
    });
    const list = (await (
      await fetch(`${system.url}/api/organiser/events/${event.slug}/staff`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { staff: unknown[] };
    expect(list.staff).toHaveLength(1);
  });
});
