import {
  addToQuestionVoteCount,
  appendQuestionChanges,
  type ChangeActor,
  countQuestionStats,
  countRegistrations,
  findRegistrationById,
  insertQuestion,
  insertQuestionVote,
  listQuestionChangesAfter,
  listQuestions,
  listRoomParticipants,
  markQuestionMerged,
  type Queryable,
  setQuestionStatus,
  setQuestionText,
  updateEventRegistrationSettings,
  upsertEvent,
  upsertRoomParticipant,
} from '@folkemote/db';
import { databaseKindsUnderTest, type TestDatabase } from '@folkemote/db/testing';
import type { QuestionChangeKind, QuestionRecord, QuestionStatus } from '@folkemote/domain';
import { type JobQueues, reminderJobId } from '@folkemote/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelRegistration,
  createMailSender,
  createRegistration,
  deleteRegistrantData,
  deliverRegistrationEmail,
  drainRegistrationOutbox,
  getRegistrationByToken,
  notifyEventCancelled,
  promoteWaitlisted,
  purgeExpiredRegistrantData,
  type RegistrationDeps,
  rescheduleReminders,
} from '../src/index.ts';
import {
  openRegistrationFixture,
  publishedEvent,
  type RegistrationFixture,
} from './support/registration-fixture.ts';

const kinds = await databaseKindsUnderTest();

describe.each(kinds)('registrant data and reminders (%s)', (kind) => {
  let fixture: RegistrationFixture;
  let database: TestDatabase;
  let queues: JobQueues;
  let deps: RegistrationDeps;
  beforeAll(async () => {
    fixture = await openRegistrationFixture(kind);
    ({ database, queues, deps } = fixture);
  });
  afterAll(() => fixture?.close());

  const eventStartingAt = (startsAt: Date, retentionDays = 30) =>
    publishedEvent(database, startsAt, { retentionDays, capacity: 2 });
  const person = (n: string) => ({
    name: `Person ${n}`,
    email: `person-${n}@example.no`,
    consent: true as const,
  });
  const moderator: ChangeActor = { kind: 'staff', id: 'staff-1', role: 'moderator', name: 'Mona Moderator' };
  const attendee = (id: string): ChangeActor => ({ kind: 'registration', id, role: 'attendee', name: null });
  /** One change of the Q&A, recorded in the change log as the API records it. */
  const qaChange = (
    eventId: string,
    actor: ChangeActor,
    kind: QuestionChangeKind,
    make: (tx: Queryable) => Promise<QuestionRecord>,
    fromStatus: QuestionStatus | null = null,
  ) =>
    database.db.transaction(async (tx) => {
      const question = await make(tx);
      await appendQuestionChanges(tx, eventId, actor, [{ kind, question, fromStatus }], new Date());
      return question;
    });
  const ask = (eventId: string, registrationId: string, text: string, status: QuestionStatus = 'live') =>
    qaChange(eventId, attendee(registrationId), 'asked', (tx) =>
      insertQuestion(tx, { eventId, registrationId, status, text, anonymous: false, now: new Date() }),
    );
  const vote = (eventId: string, question: QuestionRecord, registrationId: string) =>
    qaChange(
      eventId,
      attendee(registrationId),
      'voted',
      async (tx) => {
        expect(await insertQuestionVote(tx, question.id, registrationId, new Date())).toBe(true);
        return (await addToQuestionVoteCount(tx, question.id, 1))!;
      },
      question.status,
    );
  const setStatus = (eventId: string, question: QuestionRecord, status: QuestionStatus) =>
    qaChange(
      eventId,
      moderator,
      'status',
      (tx) => setQuestionStatus(tx, question.id, status, new Date()),
      question.status,
    );
  const edit = (eventId: string, question: QuestionRecord, text: string) =>
    qaChange(eventId, moderator, 'edited', (tx) => setQuestionText(tx, question.id, text, new Date()));
  const questionRows = async (eventId: string) =>
    (
      await database.db.query<{
        id: string;
        registration_id: string | null;
        status: string;
        text: string;
        original_text: string | null;
        vote_count: number;
      }>(
        `select id, registration_id, status, text, original_text, vote_count from questions
         where event_id = $1 order by created_at, id`,
        [eventId],
      )
    ).rows;
  const changeRows = async (eventId: string) =>
    (
      await database.db.query<{ seq: number; question_id: string | null; kind: string; snapshot: unknown }>(
        'select seq::int as seq, question_id, kind, snapshot from question_changes where event_id = $1 order by seq',
        [eventId],
      )
    ).rows;
  const voteRows = async (eventId: string) =>
    (
      await database.db.query<{ question_id: string; registration_id: string | null }>(
        `select v.question_id, v.registration_id from question_votes v join questions q on q.id = v.question_id
         where q.event_id = $1 order by v.question_id`,
        [eventId],
      )
    ).rows;

  /** Every `table.column` of the database whose text holds `value`: where personal data is left. */
  const columnsHolding = async (value: string) => {
    const { rows: columns } = await database.db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying')
       order by table_name, column_name`,
    );
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const { rows } = await database.db.query(
        `select 1 from "${table}" where strpos("${column}"::text, $1) > 0 limit 1`,
        [value],
      );
      if (rows.length > 0) found.push(`${table}.${column}`);
    }
    return found;
  };

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
    expect(await purgeExpiredRegistrantData(deps, almost)).toEqual({
      events: 0,
      registrations: 0,
      questions: 0,
    });

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
    expect(await purgeExpiredRegistrantData(deps, after)).toEqual({
      events: 0,
      registrations: 0,
      questions: 0,
    });
  });

  it('deletes the questions’ personal data with the registrant data when retention ends, keeping answered questions nameless and the counts', async () => {
    const now = new Date();
    const event = await eventStartingAt(new Date(now.getTime() + 48 * 3600_000), 30);
    const a = await createRegistration(deps, event.slug, person('qa-a'), now);
    const b = await createRegistration(deps, event.slug, person('qa-b'), now);
    const live = await ask(event.id, a.id, 'Kari fra Sømna lurer på busstilbudet');
    await vote(event.id, live, b.id);
    const pending = await ask(event.id, a.id, 'Ring meg på 912 34 567', 'pending');
    const dismissed = await setStatus(
      event.id,
      await ask(event.id, b.id, 'Et spørsmål om naboen'),
      'dismissed',
    );
    const answeredAsAsked = await ask(event.id, a.id, 'Jeg, Kari Nordmann, vil vite om skolen');
    await vote(event.id, answeredAsAsked, b.id);
    const edited = await edit(event.id, answeredAsAsked, 'Hva skjer med skolen?');
    const answered = await setStatus(event.id, edited, 'answered');
    const highlighted = await setStatus(
      event.id,
      await ask(event.id, b.id, 'Når åpner hallen?'),
      'highlighted',
    );
    const duplicate = await ask(event.id, b.id, 'Skolen, hva skjer?');
    await qaChange(event.id, moderator, 'merged', (tx) =>
      markQuestionMerged(tx, duplicate.id, answered.id, new Date()),
    );
    const registrationsBefore = await countRegistrations(database.db, event.id);
    const statsBefore = await countQuestionStats(database.db, event.id);
    expect(statsBefore).toEqual({
      asked: 6,
      answered: 1,
      dismissed: 1,
      merged: 1,
      open: 3,
      votes: 2,
      askers: 2,
      voters: 1,
    });
    expect((await changeRows(event.id)).length).toBeGreaterThan(6);

    const endsAt = new Date(event.endsAt).getTime();
    // Before retention ends, the Q&A is left as it is.
    await purgeExpiredRegistrantData(deps, new Date(endsAt + 29 * 24 * 3600_000));
    expect(await questionRows(event.id)).toHaveLength(6);

    const after = new Date(endsAt + 30 * 24 * 3600_000 + 1000);
    expect(await purgeExpiredRegistrantData(deps, after)).toEqual({
      events: 1,
      registrations: 2,
      questions: 4,
    });
    // Only what was answered in public is left, nameless and in the text the moderator let through.
    expect(await questionRows(event.id)).toEqual([
      {
        id: answered.id,
        registration_id: null,
        status: 'answered',
        text: 'Hva skjer med skolen?',
        original_text: null,
        vote_count: 1,
      },
      {
        id: highlighted.id,
        registration_id: null,
        status: 'highlighted',
        text: 'Når åpner hallen?',
        original_text: null,
        vote_count: 0,
      },
    ]);
    for (const gone of [live, pending, dismissed, duplicate])
      expect((await questionRows(event.id)).some((q) => q.id === gone.id)).toBe(false);
    expect(await changeRows(event.id)).toEqual([]);
    expect(await voteRows(event.id)).toEqual([{ question_id: answered.id, registration_id: null }]);
    const { rows: leftovers } = await database.db.query(
      `select 1 from questions where event_id = $1 and (text like '%Kari%' or original_text is not null)`,
      [event.id],
    );
    expect(leftovers).toEqual([]);
    // The counts stay: registrations as before, and the Q&A figures but for who asked and voted.
    expect(await countRegistrations(database.db, event.id)).toEqual(registrationsBefore);
    expect(await countQuestionStats(database.db, event.id)).toEqual({ ...statsBefore, askers: 0, voters: 0 });
    expect(await purgeExpiredRegistrantData(deps, after)).toEqual({
      events: 0,
      registrations: 0,
      questions: 0,
    });
  });

  it('clears the questions of an event whose registrant data went before questions were part of it', async () => {
    const now = new Date();
    const event = await eventStartingAt(new Date(now.getTime() + 48 * 3600_000), 30);
    const a = await createRegistration(deps, event.slug, person('old-a'), now);
    const asked = await ask(event.id, a.id, 'Et spørsmål med navnet mitt, Ola');
    const answered = await setStatus(
      event.id,
      await edit(event.id, await ask(event.id, a.id, 'Olas spørsmål'), 'Et spørsmål'),
      'answered',
    );
    // As the retention left things before: the registration gone, its questions kept whole.
    await database.db.query('delete from registrations where id = $1', [a.id]);
    await database.db.query('update events set registrant_data_deleted_at = $2 where id = $1', [
      event.id,
      now,
    ]);
    expect((await changeRows(event.id)).length).toBeGreaterThan(0);

    expect(await purgeExpiredRegistrantData(deps, now)).toEqual({
      events: 0,
      registrations: 0,
      questions: 1,
    });
    expect(await questionRows(event.id)).toEqual([
      expect.objectContaining({ id: answered.id, text: 'Et spørsmål', original_text: null }),
    ]);
    expect((await questionRows(event.id)).some((q) => q.id === asked.id)).toBe(false);
    expect(await changeRows(event.id)).toEqual([]);
    expect(await purgeExpiredRegistrantData(deps, now)).toEqual({
      events: 0,
      registrations: 0,
      questions: 0,
    });
  });

  it('deletes a registrant’s unanswered questions when they delete their data, and announces each as a change', async () => {
    const now = new Date();
    const event = await eventStartingAt(new Date(now.getTime() + 48 * 3600_000), 30);
    const a = await createRegistration(deps, event.slug, person('self-a'), now);
    const b = await createRegistration(deps, event.slug, person('self-b'), now);
    const live = await ask(event.id, a.id, 'Anne Askeland spør om veien');
    await vote(event.id, live, b.id);
    const pending = await ask(event.id, a.id, 'Anne igjen, på 912 34 567', 'pending');
    const asked = await ask(event.id, a.id, 'Jeg heter Anne og lurer på skolen');
    const answered = await setStatus(
      event.id,
      await edit(event.id, asked, 'Hva skjer med skolen?'),
      'answered',
    );
    const others = await ask(event.id, b.id, 'Bjørns eget spørsmål');
    const registrationsBefore = await countRegistrations(database.db, event.id);
    const statsBefore = await countQuestionStats(database.db, event.id);
    const seqBefore = Math.max(...(await changeRows(event.id)).map((c) => c.seq));

    const deletion = await deleteRegistrantData(deps, a.id, now);
    expect(deletion).toEqual({ eventId: event.id, deletedQuestions: 2, lastQuestionChange: seqBefore + 2 });

    expect(await questionRows(event.id)).toEqual([
      {
        id: answered.id,
        registration_id: null,
        status: 'answered',
        text: 'Hva skjer med skolen?',
        original_text: null,
        vote_count: 0,
      },
      expect.objectContaining({ id: others.id, registration_id: b.id, text: 'Bjørns eget spørsmål' }),
    ]);
    // Their votes and their changes went with them; each deletion is a change that keeps the id only.
    expect(await voteRows(event.id)).toEqual([]);
    const changes = await changeRows(event.id);
    expect(changes.filter((c) => c.question_id === live.id || c.question_id === pending.id)).toEqual([]);
    expect(changes.slice(-2)).toEqual([
      { seq: seqBefore + 1, question_id: null, kind: 'deleted', snapshot: { id: live.id } },
      { seq: seqBefore + 2, question_id: null, kind: 'deleted', snapshot: { id: pending.id } },
    ]);
    const read = await listQuestionChangesAfter(database.db, event.id, seqBefore);
    expect(read.map((c) => [c.kind, c.deletedQuestionId, c.fromStatus, c.question, c.settings])).toEqual([
      ['deleted', live.id, 'live', null, null],
      ['deleted', pending.id, 'pending', null, null],
    ]);
    // The text as asked is gone from the answered question’s earlier snapshots too.
    const snapshots = changes.filter((c) => c.question_id === answered.id).map((c) => c.snapshot);
    expect(snapshots.length).toBe(3);
    for (const snapshot of snapshots)
      expect(snapshot).toMatchObject({ text: 'Hva skjer med skolen?', originalText: null });
    expect(JSON.stringify(changes)).not.toContain('Anne');
    // The counts keep them: the registration as cancelled, the questions in the Q&A figures.
    expect(await countRegistrations(database.db, event.id)).toEqual({
      ...registrationsBefore,
      confirmed: registrationsBefore.confirmed - 1,
      cancelled: registrationsBefore.cancelled + 1,
    });
    expect(await countQuestionStats(database.db, event.id)).toEqual({ ...statsBefore, askers: 1, voters: 0 });
    expect((await listQuestions(database.db, event.id)).map((q) => q.id)).toEqual([answered.id, others.id]);
    // Done twice (a retried request), nothing more happens.
    expect(await deleteRegistrantData(deps, a.id, now)).toBeNull();
  });

  it('leaves no registrant’s name or address in any table, the live room’s included, once they delete their data or the retention ends', async () => {
    const now = new Date();
    const event = await eventStartingAt(new Date(now.getTime() + 48 * 3600_000), 30);
    const leaving = await createRegistration(deps, event.slug, person('rom-a'), now);
    const staying = await createRegistration(deps, event.slug, person('rom-b'), now);
    for (const r of [leaving, staying]) {
      const { name } = (await findRegistrationById(database.db, r.id))!;
      await upsertRoomParticipant(database.db, {
        eventId: event.id,
        identity: `reg_${r.id}`,
        displayName: name,
        role: 'attendee',
        registrationId: r.id,
      });
    }
    await upsertRoomParticipant(database.db, {
      eventId: event.id,
      identity: 'staff_rom',
      displayName: 'Mona Moderator',
      role: 'moderator',
      registrationId: null,
    });
    const delivery = {
      db: database.db,
      mail: createMailSender({ smtpUrl: null, from: 'x@example.no' }),
      publicAppUrl: deps.publicAppUrl,
    };
    for (const r of [leaving, staying])
      await deliverRegistrationEmail(delivery, {
        registrationId: r.id,
        occasion: 'confirmation',
        jobKey: `rom-${r.id}`,
      });
    const names = async () =>
      (await listRoomParticipants(database.db, event.id)).map((p) => p.displayName).sort();
    expect(await names()).toEqual(['Mona Moderator', 'Person rom-a', 'Person rom-b']);
    expect(await columnsHolding('Person rom-a')).toEqual(
      expect.arrayContaining([
        'outbound_emails.text_body',
        'registrations.name',
        'room_participants.display_name',
      ]),
    );

    await deleteRegistrantData(deps, leaving.id, now);
    expect(await names()).toEqual(['Mona Moderator', 'Person rom-b']);
    expect(await columnsHolding('Person rom-a')).toEqual([]);
    expect(await columnsHolding('person-rom-a@example.no')).toEqual([]);

    const after = new Date(new Date(event.endsAt).getTime() + 30 * 24 * 3600_000 + 1000);
    await purgeExpiredRegistrantData(deps, after);
    expect(await names()).toEqual(['Mona Moderator']);
    expect(await columnsHolding('Person rom-b')).toEqual([]);
    expect(await columnsHolding('person-rom-b@example.no')).toEqual([]);
  });

  it('schedules reminders 24 h and 1 h before the start, moves them with the start time, and drops them on cancellation', async () => {
    const now = new Date();
    const startsAt = new Date(now.getTime() + 72 * 3600_000);
    const event = await eventStartingAt(startsAt);
    const r = await createRegistration(deps, event.slug, person('rem'), now);
    // The reminders go to the queue from the outbox, just after the registration is answered.
    await drainRegistrationOutbox(deps);
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
