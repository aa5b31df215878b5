import { randomBytes } from 'node:crypto';
import {
  countRegistrations,
  findRegistrationById,
  updateEventRegistrationSettings,
  upsertEvent,
  upsertOrganisation,
} from '@folkemote/db';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '@folkemote/db/testing';
import { createJobQueues, createRedisConnection, type JobQueues, reminderJobId } from '@folkemote/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelRegistration,
  createMailSender,
  createRegistration,
  deliverRegistrationEmail,
  getRegistrationByToken,
  notifyEventCancelled,
  promoteWaitlisted,
  purgeExpiredRegistrantData,
  type RegistrationDeps,
  rescheduleReminders,
} from '../src/index.ts';

const kinds = await databaseKindsUnderTest();

describe.each(kinds)('registrant data and reminders (%s)', (kind) => {
  let database: TestDatabase;
  let redis: ReturnType<typeof createRedisConnection>;
  let queues: JobQueues;
  let deps: RegistrationDeps;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    redis = createRedisConnection('redis://127.0.0.1:6379');
    queues = createJobQueues(redis, `test-${randomBytes(4).toString('hex')}`);
    deps = { db: database.db, queues, publicAppUrl: 'http://localhost:3000' };
    await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' });
  });
  afterAll(async () => {
    await queues?.close();
    redis?.disconnect();
    await database?.drop();
  });

  async function eventStartingAt(startsAt: Date, retentionDays = 30) {
    const event = await upsertEvent(database.db, {
      slug: `webinar-${randomBytes(4).toString('hex')}`,
      title: 'Webinar om folkehelse',
      description: '',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      organisationSlug: 'testkommune',
      language: 'nb',
      contact: { name: 'Kontakt', email: 'kontakt@example.no' },
    });
    await updateEventRegistrationSettings(database.db, event.id, {
      status: 'published',
      retentionDays,
      capacity: 2,
    });
    return event;
  }
  const person = (n: string) => ({
    name: `Person ${n}`,
    email: `person-${n}@example.no`,
    consent: true as const,
  });
  const reminderDelays = async (registrationId: string) => {
    const queue = queues.queue('registration.reminder');
    const jobs = await Promise.all(
      ['24h', '1h'].map((k) => queue.getJob(reminderJobId(registrationId, k as '24h'))),
    );
    return jobs.map((j) => (j ? j.timestamp + (j.opts.delay ?? 0) : null));
  };

  it('deletes registrant data when the retention period has ended, and keeps the counts', async () => {
    const now = new Date();
    const event = await eventStartingAt(new Date(now.getTime() + 48 * 3600_000), 30);
    const a = await createRegistration(deps, event.slug, person('a'), now);
    await createRegistration(deps, event.slug, person('b'), now);
    await createRegistration(deps, event.slug, person('c'), now);
    await cancelRegistration(deps, a.id, now);
    const before = await countRegistrations(database.db, event.id);
    expect(before).toEqual({ confirmed: 2, waitlisted: 0, cancelled: 1 });

    // The day before retention ends, nothing goes.
    const endsAt = new Date(event.endsAt).getTime();
    const almost = new Date(endsAt + 29 * 24 * 3600_000);
    expect(await purgeExpiredRegistrantData(deps, almost)).toEqual({ events: 0, registrations: 0 });

    const after = new Date(endsAt + 30 * 24 * 3600_000 + 1000);
    expect(await purgeExpiredRegistrantData(deps, after)).toMatchObject({ events: 1, registrations: 3 });
    const { rows } = await database.db.query('select name, email from registrations where event_id = $1', [
      event.id,
    ]);
    expect(rows).toEqual([]);
    const mails = await database.db.query('select 1 from outbound_emails where event_id = $1', [event.id]);
    expect(mails.rows).toEqual([]);
    expect(await countRegistrations(database.db, event.id)).toEqual(before);
    await expect(getRegistrationByToken(deps, a.joinUrl!.split('/p/')[1]!)).rejects.toMatchObject({
      code: 'invalid_link',
    });
    // A second run finds nothing left to do.
    expect(await purgeExpiredRegistrantData(deps, after)).toEqual({ events: 0, registrations: 0 });
  });

  it('schedules reminders 24 h and 1 h before the start, moves them with the start time, and drops them on cancellation', async () => {
    const now = new Date();
    const startsAt = new Date(now.getTime() + 72 * 3600_000);
    const event = await eventStartingAt(startsAt);
    const r = await createRegistration(deps, event.slug, person('rem'), now);
    expect(await reminderDelays(r.id)).toEqual(
      [startsAt.getTime() - 24 * 3600_000, startsAt.getTime() - 3600_000].map((t) => expect.closeTo(t, -3)),
    );

    const later = new Date(startsAt.getTime() + 24 * 3600_000);
    await upsertEvent(database.db, {
      slug: event.slug,
      title: event.title,
      description: '',
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 3600_000).toISOString(),
      organisationSlug: 'testkommune',
      language: 'nb',
      contact: { name: 'Kontakt', email: 'kontakt@example.no' },
    });
    await rescheduleReminders(deps, event.id, now);
    expect(await reminderDelays(r.id)).toEqual(
      [later.getTime() - 24 * 3600_000, later.getTime() - 3600_000].map((t) => expect.closeTo(t, -3)),
    );

    await notifyEventCancelled(deps, event.id, now);
    expect(await reminderDelays(r.id)).toEqual([null, null]);
  });

  it('keeps a registration cancelled with its seat freed when it is cancelled twice', async () => {
    const now = new Date();
    const event = await eventStartingAt(new Date(now.getTime() + 72 * 3600_000));
    const a = await createRegistration(deps, event.slug, person('x1'), now);
    await createRegistration(deps, event.slug, person('x2'), now);
    const c = await createRegistration(deps, event.slug, person('x3'), now);
    expect(c.status).toBe('waitlisted');
    const first = await cancelRegistration(deps, a.id, now);
    expect(first.promotedId).toBe(c.id);
    expect((await findRegistrationById(database.db, c.id))?.status).toBe('confirmed');
    expect((await cancelRegistration(deps, a.id, now)).promotedId).toBeNull();
    expect(await countRegistrations(database.db, event.id)).toEqual({
      confirmed: 2,
      waitlisted: 0,
      cancelled: 1,
    });
  });

  it('sends a reminder when it is due, and skips it for a moved start or a cancelled registration', async () => {
    const now = new Date();
    const startsAt = new Date(now.getTime() + 72 * 3600_000);
    const event = await eventStartingAt(startsAt);
    const r = await createRegistration(deps, event.slug, person('paaminning'), now);
    const delivery = {
      db: database.db,
      mail: createMailSender({ smtpUrl: null, from: 'x@example.no' }),
      publicAppUrl: deps.publicAppUrl,
    };
    const job = { registrationId: r.id, occasion: 'reminder-24h' as const, jobKey: 'reminder-test-1' };
    // Fired two days early: the start has moved since it was queued.
    expect(await deliverRegistrationEmail(delivery, job, now)).toBe('skipped');
    const due = new Date(startsAt.getTime() - 24 * 3600_000);
    expect(await deliverRegistrationEmail(delivery, job, due)).toBe('stored');
    // A retry of the same job sends nothing new.
    expect(await deliverRegistrationEmail(delivery, job, due)).toBe('stored');
    const { rows } = await database.db.query<{ subject: string }>(
      'select subject from outbound_emails where registration_id = $1 and kind = $2',
      [r.id, 'reminder-24h'],
    );
    expect(rows.map((row) => row.subject)).toEqual(['Påminnelse: Webinar om folkehelse starter i morgen']);
    await cancelRegistration(deps, r.id, now);
    expect(await deliverRegistrationEmail(delivery, { ...job, jobKey: 'reminder-test-2' }, due)).toBe(
      'skipped',
    );
  });

  it('gives seats added by a larger capacity to the waiting list in order', async () => {
    const now = new Date();
    const event = await eventStartingAt(new Date(now.getTime() + 72 * 3600_000));
    for (const n of ['p1', 'p2', 'p3', 'p4', 'p5'])
      await createRegistration(deps, event.slug, person(n), now);
    expect(await countRegistrations(database.db, event.id)).toEqual({
      confirmed: 2,
      waitlisted: 3,
      cancelled: 0,
    });
    await updateEventRegistrationSettings(database.db, event.id, { capacity: 4 });
    const promoted = await promoteWaitlisted(deps, event.id, now);
    const names = await Promise.all(
      promoted.map(async (id) => (await findRegistrationById(database.db, id))?.name),
    );
    expect(names).toEqual(['Person p3', 'Person p4']);
    expect(await countRegistrations(database.db, event.id)).toEqual({
      confirmed: 4,
      waitlisted: 1,
      cancelled: 0,
    });
  });
});
