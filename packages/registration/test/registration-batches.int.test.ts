import { randomBytes } from 'node:crypto';
import {
  claimRegistrationOutbox,
  countRegistrations,
  type Database,
  findRegistrationById,
  openDatabase,
} from '@folkemote/db';
import { databaseKindsUnderTest, type TestDatabase } from '@folkemote/db/testing';
import { createJobQueues, createRedisConnection, type JobQueues, reminderJobId } from '@folkemote/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelRegistration,
  createMailSender,
  createRegistration,
  deliverRegistrationEmail,
  drainRegistrationOutbox,
  getRegistrationByToken,
  type RegistrationDeps,
} from '../src/index.ts';
import { decodeMailParts, startTestSmtpServer } from '../src/testing/index.ts';
import {
  openRegistrationFixture,
  publishedEvent,
  type RegistrationFixture,
} from './support/registration-fixture.ts';

const kinds = await databaseKindsUnderTest();

describe.each(kinds)('registrations written in batches (%s)', (kind) => {
  let fixture: RegistrationFixture;
  let database: TestDatabase;
  let queues: JobQueues;
  let deps: RegistrationDeps;
  beforeAll(async () => {
    fixture = await openRegistrationFixture(kind);
    ({ database, queues, deps } = fixture);
  });
  afterAll(() => fixture?.close());

  const eventWith = (settings: { capacity: number | null; waitlistEnabled: boolean }) =>
    publishedEvent(database, new Date(Date.now() + 72 * 3600_000), settings);
  const person = (n: string | number) => ({
    name: `Person ${n}`,
    email: `person-${n}@example.no`,
    consent: true as const,
  });
  const confirmationJobs = async (registrationId: string) =>
    (await queues.queue('registration.email').getJobs(['waiting', 'delayed'])).filter(
      (j) => j.data.registrationId === registrationId && j.data.kind === 'confirmation',
    ).length;

  /** Job queues on a Redis that does not answer: every hand-off to them fails at once. */
  const unreachableQueues = () => {
    const broken = createRedisConnection('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    broken.on('error', () => {});
    const unreachable = createJobQueues(broken, `test-${randomBytes(4).toString('hex')}`);
    return {
      queues: unreachable,
      async close() {
        await unreachable.close().catch(() => {});
        broken.disconnect();
      },
    };
  };

  it('hands out the seats in the order the registrations arrived, however many arrive at once', async () => {
    const event = await eventWith({ capacity: 3, waitlistEnabled: true });
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createRegistration(deps, event.slug, person(`order-${i}`))),
    );
    expect(created.map((c) => c.status)).toEqual([
      ...Array(3).fill('confirmed'),
      ...Array(9).fill('waitlisted'),
    ]);
    expect(await countRegistrations(database.db, event.id)).toEqual({
      confirmed: 3,
      waitlisted: 9,
      cancelled: 0,
    });
    // The waiting list keeps the same order: the first cancellation seats the fourth to arrive.
    const { promotedId } = await cancelRegistration(deps, created[0]!.id);
    expect(promotedId).toBe(created[3]!.id);
  });

  it('gives the same address sent twice in one batch one registration, and the link only to the first', async () => {
    const event = await eventWith({ capacity: 10, waitlistEnabled: true });
    const [first, again, other] = await Promise.all([
      createRegistration(deps, event.slug, person('twice')),
      createRegistration(deps, event.slug, { ...person('twice'), email: ' PERSON-TWICE@example.no' }),
      createRegistration(deps, event.slug, person('other')),
    ]);
    expect(first).toMatchObject({ status: 'confirmed', alreadyRegistered: false });
    expect(first!.joinUrl).toMatch(/\/p\/[\w-]{43}$/);
    expect(again).toEqual({ id: first!.id, status: 'confirmed', joinUrl: null, alreadyRegistered: true });
    expect(other).toMatchObject({ status: 'confirmed', alreadyRegistered: false });
    expect(await countRegistrations(database.db, event.id)).toEqual({
      confirmed: 2,
      waitlisted: 0,
      cancelled: 0,
    });
    // Both attempts get the confirmation, which carries the link.
    await drainRegistrationOutbox(deps);
    expect(await confirmationJobs(first!.id)).toBe(2);
  });

  it('answers an address registered before with its registration, in a batch of new ones', async () => {
    const event = await eventWith({ capacity: 2, waitlistEnabled: true });
    const before = await createRegistration(deps, event.slug, person('before'));
    const [a, again, b] = await Promise.all([
      createRegistration(deps, event.slug, person('a')),
      createRegistration(deps, event.slug, person('before')),
      createRegistration(deps, event.slug, person('b')),
    ]);
    expect(again).toEqual({ id: before.id, status: 'confirmed', joinUrl: null, alreadyRegistered: true });
    expect(a).toMatchObject({ status: 'confirmed', alreadyRegistered: false });
    expect(b).toMatchObject({ status: 'waitlisted', alreadyRegistered: false });
    expect(await countRegistrations(database.db, event.id)).toEqual({
      confirmed: 2,
      waitlisted: 1,
      cancelled: 0,
    });
    await drainRegistrationOutbox(deps);
    expect(await confirmationJobs(before.id)).toBe(2);
  });

  it('refuses only the registrations past the last seat when there is no waiting list', async () => {
    const event = await eventWith({ capacity: 2, waitlistEnabled: false });
    const settled = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => createRegistration(deps, event.slug, person(`full-${i}`))),
    );
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
    ]);
    for (const s of settled.slice(2))
      expect((s as PromiseRejectedResult).reason).toMatchObject({ code: 'event_full', status: 409 });
    expect(await countRegistrations(database.db, event.id)).toEqual({
      confirmed: 2,
      waitlisted: 0,
      cancelled: 0,
    });
  });

  it('takes a cancelled registrant back in the same batch as new ones, with a seat only if one is free', async () => {
    const event = await eventWith({ capacity: 2, waitlistEnabled: true });
    const back = await createRegistration(deps, event.slug, person('back'));
    await cancelRegistration(deps, back.id);
    const [newcomer, again, late] = await Promise.all([
      createRegistration(deps, event.slug, person('newcomer')),
      createRegistration(deps, event.slug, person('back')),
      createRegistration(deps, event.slug, person('late')),
    ]);
    expect(newcomer!.status).toBe('confirmed');
    expect(again).toMatchObject({ id: back.id, status: 'confirmed', alreadyRegistered: false });
    expect(again!.joinUrl).toBeNull();
    expect(late!.status).toBe('waitlisted');
    expect((await findRegistrationById(database.db, back.id))?.status).toBe('confirmed');
    expect(await countRegistrations(database.db, event.id)).toEqual({
      confirmed: 2,
      waitlisted: 1,
      cancelled: 0,
    });
    const { rows } = await database.db.query<{ confirmed_count: number }>(
      'select confirmed_count from events where id = $1',
      [event.id],
    );
    expect(rows[0]!.confirmed_count).toBe(2);
  });

  it('takes a cancelled address back without its link: the old link stops working, the new one goes by e-mail, and only the new form’s data is kept', async () => {
    const event = await eventWith({ capacity: 5, waitlistEnabled: true });
    const victim = await createRegistration(deps, event.slug, {
      ...person('taken-back'),
      name: 'Vera Opprinnelig',
      organisation: 'Sømna kommune',
      accessibilityNeeds: 'Teksting',
    });
    const oldToken = victim.joinUrl!.split('/p/')[1]!;
    await cancelRegistration(deps, victim.id);

    const again = await createRegistration(deps, event.slug, { ...person('taken-back'), name: 'Noen Annen' });
    expect(again).toEqual({ id: victim.id, status: 'confirmed', joinUrl: null, alreadyRegistered: false });
    expect(JSON.stringify(again)).not.toContain(oldToken);
    await expect(getRegistrationByToken(deps, oldToken)).rejects.toMatchObject({ code: 'invalid_link' });
    expect(await findRegistrationById(database.db, victim.id)).toMatchObject({
      status: 'confirmed',
      name: 'Noen Annen',
      organisation: null,
      accessibilityNeeds: null,
    });

    // The confirmation carries the new link, which opens the registration as the new form made it.
    const smtp = await startTestSmtpServer();
    const mail = createMailSender({ smtpUrl: smtp.url, from: 'noreply@example.no' });
    try {
      const delivery = { db: database.db, mail, publicAppUrl: deps.publicAppUrl };
      const job = { registrationId: victim.id, occasion: 'confirmation' as const, jobKey: 'taken-back' };
      expect(await deliverRegistrationEmail(delivery, job)).toBe('sent');
      const { text } = decodeMailParts(
        (await smtp.waitFor((m) => m.to.includes('person-taken-back@example.no'))).raw,
      );
      const newToken = /\/p\/([\w-]{43})/.exec(text)?.[1];
      expect(newToken).toBeDefined();
      expect(newToken).not.toBe(oldToken);
      const own = await getRegistrationByToken(deps, newToken!);
      expect(own.registration).toMatchObject({ id: victim.id, name: 'Noen Annen', organisation: null });
    } finally {
      mail.close();
      await smtp.close();
    }
  });

  it('keeps every answered registration’s confirmation when the queue is unreachable, and hands it on later', async () => {
    const event = await eventWith({ capacity: 5, waitlistEnabled: true });
    const { queues: unreachable, close } = unreachableQueues();
    try {
      // Nothing of the earlier tests is still waiting to be handed on.
      await drainRegistrationOutbox(deps);
      const r = await createRegistration({ ...deps, queues: unreachable }, event.slug, person('no-queue'));
      expect(r.status).toBe('confirmed');
      await drainRegistrationOutbox({ ...deps, queues: unreachable });
      const { rows } = await database.db.query<{ reminders: string }>(
        'select reminders from registration_outbox where registration_id = $1',
        [r.id],
      );
      expect(rows).toEqual([{ reminders: 'add' }]);
      expect(await confirmationJobs(r.id)).toBe(0);

      // The next pass, as the periodic sweep of any API process runs it, reaches the queue.
      await drainRegistrationOutbox(deps);
      expect(await confirmationJobs(r.id)).toBe(1);
      const reminder = await queues.queue('registration.reminder').getJob(reminderJobId(r.id, '24h'));
      expect(reminder?.data).toEqual({ registrationId: r.id, kind: '24h' });
      const left = await database.db.query('select 1 from registration_outbox where registration_id = $1', [
        r.id,
      ]);
      expect(left.rows).toEqual([]);
    } finally {
      await close();
    }
  });

  it('hands on entries a pass claimed and never finished, once its claim has run out', async () => {
    const event = await eventWith({ capacity: 5, waitlistEnabled: true });
    const { queues: unreachable, close } = unreachableQueues();
    try {
      await drainRegistrationOutbox(deps);
      // Written, and left in the outbox: the queue could not be reached.
      const r = await createRegistration({ ...deps, queues: unreachable }, event.slug, person('claimed'));
      await drainRegistrationOutbox({ ...deps, queues: unreachable });
      // A pass in a process that then died: it claimed the entry for a second and did no more.
      const claimed = await claimRegistrationOutbox(database.db, 1000, 1);
      expect(claimed.map((e) => e.registrationId)).toContain(r.id);
      await drainRegistrationOutbox(deps);
      expect(await confirmationJobs(r.id)).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await drainRegistrationOutbox(deps);
      expect(await confirmationJobs(r.id)).toBe(1);
      expect((await database.db.query('select 1 from registration_outbox')).rows).toEqual([]);
    } finally {
      await close();
    }
  });

  it.runIf(kind === 'postgres')(
    'never overbooks when two processes write batches for the same event at once',
    async () => {
      const event = await eventWith({ capacity: 50, waitlistEnabled: true });
      // A second pool on the same database: batches of another API process, serialised only by the event lock.
      const other: Database = await openDatabase({ kind: 'postgres', url: database.url! });
      try {
        const otherDeps = { ...deps, db: other };
        // The last 100 repeat addresses the other process registers at the same time.
        const created = await Promise.all(
          Array.from({ length: 400 }, (_, i) =>
            createRegistration(i < 200 ? deps : otherDeps, event.slug, person(`two-${i % 300}`)),
          ),
        );
        expect(created.filter((c) => c.status === 'confirmed' && !c.alreadyRegistered)).toHaveLength(50);
        expect(new Set(created.map((c) => c.id)).size).toBe(300);
        expect(await countRegistrations(database.db, event.id)).toEqual({
          confirmed: 50,
          waitlisted: 250,
          cancelled: 0,
        });
        const { rows } = await database.db.query<{ confirmed_count: number }>(
          'select confirmed_count from events where id = $1',
          [event.id],
        );
        expect(rows[0]!.confirmed_count).toBe(50);
      } finally {
        await other.close();
      }
    },
  );
});
