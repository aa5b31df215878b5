import type { QuestionView } from '@folkemote/domain';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiAt,
  type Changed,
  createTestApiToken,
  createTestEvent,
  createTestStaffLink,
  dataOf,
  json,
  type Listed,
  openSse,
  registerForTest,
} from '../src/testing/index.ts';

let system: TestSystem;
let api: Api;
let organiserToken: string;

beforeAll(async () => {
  system = await startTestSystem({ REGISTRATION_RATE_LIMIT: '10000' });
  api = apiAt(system.url);
  organiserToken = await createTestApiToken(system);
});
afterAll(async () => {
  await system?.stop();
});

/** An event with a moderator, a presenter and attendees Anne, Bjørn, Cecilie and Dag. */
async function setUp() {
  const event = await createTestEvent(system.deps.db, { capacity: 100 });
  const attendee = async (name: string) =>
    (
      await registerForTest(system.url, event.slug, {
        name,
        email: `${name.toLowerCase().replace(/ø/g, 'o')}-${event.slug}@example.no`,
      })
    ).joinToken;
  return {
    event,
    moderator: (await createTestStaffLink(system, event, 'moderator', 'Mona Moderator')).token,
    presenter: (await createTestStaffLink(system, event, 'presenter', 'Per Presentatør')).token,
    anne: await attendee('Anne'),
    bjorn: await attendee('Bjørn'),
    cecilie: await attendee('Cecilie'),
    dag: await attendee('Dag'),
  };
}

const list = async (slug: string, token: string) =>
  json<Listed>(await api('GET', `/api/events/${slug}/questions`, token), 200);
const ask = async (slug: string, token: string, text: string, anonymous = false) =>
  json<Changed>(await api('POST', `/api/events/${slug}/questions`, token, { text, anonymous }), 201);
const patch = async (id: string, token: string, body: unknown, status = 200) =>
  json<Changed>(await api('PATCH', `/api/questions/${id}`, token, body), status);
const byId = (questions: QuestionView[], id: string) => questions.find((q) => q.id === id);

describe('asking and seeing questions', () => {
  it('keeps a pending question to its asker and the moderators, and an anonymous asker’s name to the moderators', async () => {
    const t = await setUp();
    await json(
      await api('PATCH', `/api/events/${t.event.slug}/qa`, t.moderator, { preModeration: true }),
      200,
    );
    const asked = await ask(t.event.slug, t.anne, 'Hvem betaler for den nye skolen?', true);
    expect(asked.question).toMatchObject({
      status: 'pending',
      anonymous: true,
      author: null,
      mine: true,
      votes: 0,
    });

    expect(byId((await list(t.event.slug, t.anne)).questions, asked.question.id)).toMatchObject({
      mine: true,
    });
    expect(byId((await list(t.event.slug, t.bjorn)).questions, asked.question.id)).toBeUndefined();
    expect(byId((await list(t.event.slug, t.moderator)).questions, asked.question.id)).toMatchObject({
      status: 'pending',
      anonymous: true,
      author: { name: 'Anne' },
    });

    await patch(asked.question.id, t.moderator, { status: 'live' });
    const seen = byId((await list(t.event.slug, t.bjorn)).questions, asked.question.id)!;
    expect(seen).toMatchObject({ status: 'live', author: null, mine: false, anonymous: true });
    expect(JSON.stringify(await list(t.event.slug, t.bjorn))).not.toContain('Anne');

    const open = await ask(t.event.slug, t.cecilie, 'Kan vi få flere benker i parken?');
    expect(open.question.status).toBe('pending');
    await patch(open.question.id, t.moderator, { status: 'live' });
    expect(byId((await list(t.event.slug, t.bjorn)).questions, open.question.id)?.author).toEqual({
      name: 'Cecilie',
    });
  });

  it('applies the same rules to the stream: nothing of others’ pending questions, no anonymous asker’s name', async () => {
    const t = await setUp();
    await json(
      await api('PATCH', `/api/events/${t.event.slug}/qa`, t.moderator, { preModeration: true }),
      200,
    );
    const url = `${system.url}/api/events/${t.event.slug}/questions`;
    const bjorn = await openSse(url, { authorization: `Bearer ${t.bjorn}` });
    const moderator = await openSse(url, { authorization: `Bearer ${t.moderator}` });
    try {
      expect(bjorn.status).toBe(200);
      await bjorn.waitFor((e) => e.some((x) => x.event === 'snapshot'));
      await moderator.waitFor((e) => e.some((x) => x.event === 'snapshot'));
      const asked = await ask(t.event.slug, t.anne, 'Et hemmelig spørsmål', true);
      await moderator.waitFor((e) => e.some((x) => x.event === 'question'));
      const forModerator = dataOf<{ kind: string; question: QuestionView }>(
        moderator.events.find((x) => x.event === 'question')!,
      );
      expect(forModerator).toMatchObject({
        kind: 'asked',
        question: { status: 'pending', author: { name: 'Anne' } },
      });

      const approved = await patch(asked.question.id, t.moderator, { status: 'live' });
      const event = (await bjorn.waitFor((e) => e.some((x) => x.event === 'question'))).find(
        (x) => x.event === 'question',
      )!;
      expect(Number(event.id)).toBe(approved.lastEventId);
      expect(dataOf(event)).toMatchObject({
        kind: 'status',
        question: { status: 'live', author: null, mine: false },
      });
      // The attendee's stream never carried the pending question or the asker's name.
      expect(bjorn.events.filter((x) => x.event === 'question')).toHaveLength(1);
      expect(bjorn.raw()).not.toContain('Anne');

      await patch(asked.question.id, t.moderator, { status: 'dismissed' });
      const removed = (await bjorn.waitFor((e) => e.some((x) => x.event === 'remove'))).find(
        (x) => x.event === 'remove',
      )!;
      expect(dataOf(removed)).toEqual({
        kind: 'status',
        id: asked.question.id,
        status: 'dismissed',
        mergedInto: null,
      });
    } finally {
      await bjorn.close();
      await moderator.close();
    }
  });

  it('stores and returns HTML and script as the text typed', async () => {
    const t = await setUp();
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)> & "sitat"';
    const asked = await ask(t.event.slug, t.anne, payload);
    expect(asked.question.text).toBe(payload);
    expect(byId((await list(t.event.slug, t.bjorn)).questions, asked.question.id)?.text).toBe(payload);
    const { rows } = await system.deps.db.query<{ text: string }>(
      'select text from questions where id = $1',
      [asked.question.id],
    );
    expect(rows[0]!.text).toBe(payload);
  });

  it('names each bad field in a 400 and stores nothing', async () => {
    const t = await setUp();
    for (const [body, field] of [
      [{ text: '' }, 'text'],
      [{ text: 'x'.repeat(501) }, 'text'],
      [{ text: 'Hei', anonymous: 'ja' }, 'anonymous'],
      [{ text: 'Hei\u0007' }, 'text'],
      [{ text: 'Hei', extra: 1 }, '(body)'],
    ] as const) {
      const response = await api('POST', `/api/events/${t.event.slug}/questions`, t.anne, body);
      expect(response.status).toBe(400);
      const error = ((await response.json()) as { error: { code: string; fields: Record<string, string[]> } })
        .error;
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fields)).toEqual([field]);
    }
    expect((await list(t.event.slug, t.moderator)).questions).toEqual([]);
    expect(
      (await api('POST', `/api/events/${t.event.slug}/questions`, 'not-a-valid-link', { text: 'Hei' }))
        .status,
    ).toBe(401);
  });

  it('lets only attendees ask and vote', async () => {
    const t = await setUp();
    const refused = await api('POST', `/api/events/${t.event.slug}/questions`, t.moderator, {
      text: 'Fra scenen',
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'attendees_only' } });
    const asked = await ask(t.event.slug, t.anne, 'Et spørsmål');
    expect((await api('POST', `/api/questions/${asked.question.id}/vote`, organiserToken)).status).toBe(403);
  });

  it('limits questions per attendee across the minute, with 429 and a reason', async () => {
    const t = await setUp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await api('POST', `/api/events/${t.event.slug}/questions`, t.dag, { text: `Spørsmål ${i}` })).status,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await api('POST', `/api/events/${t.event.slug}/questions`, t.dag, { text: 'Ett til' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(/at most 5 times a minute; try again in \d+ seconds/),
      },
    });
    // Another attendee is not held back by Dag.
    expect(
      (await api('POST', `/api/events/${t.event.slug}/questions`, t.anne, { text: 'Mitt' })).status,
    ).toBe(201);
  });
});

describe('votes', () => {
  it('counts one vote per person, takes it back, and takes no votes on closed questions', async () => {
    const t = await setUp();
    const { question } = await ask(t.event.slug, t.anne, 'Når kommer bussen?');
    const vote = (token: string, method = 'POST') => api(method, `/api/questions/${question.id}/vote`, token);
    expect((await json<Changed>(await vote(t.bjorn), 200)).question).toMatchObject({
      votes: 1,
      myVote: true,
    });
    expect((await json<Changed>(await vote(t.bjorn), 200)).question).toMatchObject({
      votes: 1,
      myVote: true,
    });
    expect((await json<Changed>(await vote(t.cecilie), 200)).question).toMatchObject({
      votes: 2,
      myVote: true,
    });
    expect(byId((await list(t.event.slug, t.bjorn)).questions, question.id)).toMatchObject({
      votes: 2,
      myVote: true,
    });
    expect(byId((await list(t.event.slug, t.dag)).questions, question.id)).toMatchObject({
      votes: 2,
      myVote: false,
    });

    expect((await json<Changed>(await vote(t.bjorn, 'DELETE'), 200)).question).toMatchObject({
      votes: 1,
      myVote: false,
    });
    expect((await json<Changed>(await vote(t.bjorn, 'DELETE'), 200)).question).toMatchObject({
      votes: 1,
      myVote: false,
    });
    const { rows } = await system.deps.db.query<{ n: number }>(
      'select count(*)::int as n from question_votes where question_id = $1',
      [question.id],
    );
    expect(rows[0]!.n).toBe(1);

    await patch(question.id, t.moderator, { status: 'answered' });
    const closed = await vote(t.dag);
    expect(closed.status).toBe(409);
    expect(await closed.json()).toMatchObject({ error: { code: 'not_open_for_votes' } });
  });

  it('hides others’ pending questions from votes as if they did not exist', async () => {
    const t = await setUp();
    await json(
      await api('PATCH', `/api/events/${t.event.slug}/qa`, t.moderator, { preModeration: true }),
      200,
    );
    const { question } = await ask(t.event.slug, t.anne, 'Venter på godkjenning');
    const response = await api('POST', `/api/questions/${question.id}/vote`, t.bjorn);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'question_not_found' } });
  });
});

describe('moderation', () => {
  it('moves pending → live → highlighted → answered with one highlighted at a time, dismisses and restores', async () => {
    const t = await setUp();
    await json(
      await api('PATCH', `/api/events/${t.event.slug}/qa`, t.moderator, { preModeration: true }),
      200,
    );
    const first = (await ask(t.event.slug, t.anne, 'Første')).question;
    const second = (await ask(t.event.slug, t.bjorn, 'Andre')).question;
    await patch(first.id, t.moderator, { status: 'live' });
    await patch(second.id, t.moderator, { status: 'live' });
    const highlighted = await patch(first.id, t.moderator, { status: 'highlighted' });
    expect(highlighted.question).toMatchObject({ status: 'highlighted', highlightedAt: expect.any(String) });
    await patch(second.id, t.presenter, { status: 'highlighted' });
    const questions = (await list(t.event.slug, t.moderator)).questions;
    expect(questions.filter((q) => q.status === 'highlighted').map((q) => q.id)).toEqual([second.id]);
    expect(byId(questions, first.id)).toMatchObject({ status: 'answered', answeredAt: expect.any(String) });

    const dismissed = await patch(second.id, t.moderator, { status: 'dismissed' });
    expect(dismissed.question).toMatchObject({ status: 'dismissed', dismissedFrom: 'highlighted' });
    expect(byId((await list(t.event.slug, t.cecilie)).questions, second.id)).toBeUndefined();
    expect(byId((await list(t.event.slug, t.bjorn)).questions, second.id)).toMatchObject({
      status: 'dismissed',
      mine: true,
    });
    await patch(second.id, t.moderator, { status: 'live' });
    expect(byId((await list(t.event.slug, t.cecilie)).questions, second.id)).toMatchObject({
      status: 'live',
    });

    const refused = await api('PATCH', `/api/questions/${first.id}`, t.moderator, { status: 'pending' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { code: 'invalid_transition', message: 'A question cannot move from answered to pending' },
    });
  });

  it('fixes a typo keeping the original, pins and answers in writing; an attendee gets 403 and changes nothing', async () => {
    const t = await setUp();
    const { question } = await ask(t.event.slug, t.anne, 'Hva koster skolne?');
    const forbidden = await api('PATCH', `/api/questions/${question.id}`, t.bjorn, { text: 'Hacket' });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden_for_role' } });
    expect(
      (await api('PATCH', `/api/questions/${question.id}`, t.anne, { status: 'dismissed' })).status,
    ).toBe(403);

    const fixed = await patch(question.id, t.moderator, {
      text: 'Hva koster skolen?',
      pinned: true,
      answer: 'Om lag 300 millioner.',
    });
    expect(fixed.question).toMatchObject({
      text: 'Hva koster skolen?',
      originalText: 'Hva koster skolne?',
      edited: true,
      pinned: true,
      answer: 'Om lag 300 millioner.',
    });
    await patch(question.id, t.moderator, { text: 'Hva vil skolen koste?' });
    const forAttendee = byId((await list(t.event.slug, t.bjorn)).questions, question.id)!;
    expect(forAttendee).toMatchObject({
      text: 'Hva vil skolen koste?',
      edited: true,
      pinned: true,
      answer: 'Om lag 300 millioner.',
    });
    expect(forAttendee).not.toHaveProperty('originalText');
    expect(byId((await list(t.event.slug, t.moderator)).questions, question.id)?.originalText).toBe(
      'Hva koster skolne?',
    );

    const empty = await api('PATCH', `/api/questions/${question.id}`, t.moderator, {});
    expect(empty.status).toBe(400);
    const badStatus = await api('PATCH', `/api/questions/${question.id}`, t.moderator, { status: 'merged' });
    expect(badStatus.status).toBe(400);
  });

  it('merges a duplicate: votes combine and someone who voted for both counts once', async () => {
    const t = await setUp();
    const keep = (await ask(t.event.slug, t.anne, 'Hvorfor legges skolen ned?')).question;
    const duplicate = (await ask(t.event.slug, t.bjorn, 'Hvorfor skal skolen legges ned??')).question;
    for (const [id, token] of [
      [keep.id, t.bjorn],
      [keep.id, t.cecilie],
      [duplicate.id, t.cecilie],
      [duplicate.id, t.dag],
    ] as const)
      await json(await api('POST', `/api/questions/${id}/vote`, token), 200);
    const merged = await json<Changed & { merged: QuestionView }>(
      await api('POST', `/api/questions/${duplicate.id}/merge`, t.moderator, { into: keep.id }),
      200,
    );
    expect(merged.question).toMatchObject({ id: keep.id, votes: 3 });
    expect(merged.merged).toMatchObject({
      id: duplicate.id,
      status: 'merged',
      mergedInto: keep.id,
      votes: 0,
    });
    const forDag = (await list(t.event.slug, t.dag)).questions;
    expect(byId(forDag, keep.id)).toMatchObject({ votes: 3, myVote: true });
    expect(byId(forDag, duplicate.id)).toBeUndefined();
    expect(byId((await list(t.event.slug, t.bjorn)).questions, duplicate.id)).toMatchObject({
      status: 'merged',
      mergedInto: keep.id,
    });
    const { rows } = await system.deps.db.query<{ question_id: string; n: number }>(
      `select question_id, count(*)::int as n from question_votes where question_id = any($1::uuid[]) group by question_id`,
      [[keep.id, duplicate.id]],
    );
    expect(rows).toEqual([{ question_id: keep.id, n: 3 }]);

    const again = await api('POST', `/api/questions/${duplicate.id}/merge`, t.moderator, { into: keep.id });
    expect(again.status).toBe(409);
    const self = await api('POST', `/api/questions/${keep.id}/merge`, t.moderator, { into: keep.id });
    expect(await self.json()).toMatchObject({ error: { code: 'cannot_merge' } });
    expect(
      (await api('PATCH', `/api/questions/${duplicate.id}`, t.moderator, { status: 'live' })).status,
    ).toBe(409);
  });

  it('dismisses in bulk, all or nothing', async () => {
    const t = await setUp();
    const a = (await ask(t.event.slug, t.anne, 'Reklame 1')).question;
    const b = (await ask(t.event.slug, t.anne, 'Reklame 2')).question;
    const bulk = await json<{ questions: QuestionView[] }>(
      await api('POST', `/api/events/${t.event.slug}/questions/bulk`, t.moderator, {
        ids: [a.id, b.id],
        status: 'dismissed',
      }),
      200,
    );
    expect(bulk.questions.map((q) => q.status)).toEqual(['dismissed', 'dismissed']);
    const highlight = await api('POST', `/api/events/${t.event.slug}/questions/bulk`, t.moderator, {
      ids: [a.id],
      status: 'highlighted',
    });
    expect(highlight.status).toBe(400);
    expect(
      (
        await api('POST', `/api/events/${t.event.slug}/questions/bulk`, t.anne, {
          ids: [a.id],
          status: 'live',
        })
      ).status,
    ).toBe(403);
  });

  it('keeps every change in an audit log with who and when', async () => {
    const t = await setUp();
    const { question } = await ask(t.event.slug, t.anne, 'Revisjon');
    await json(await api('POST', `/api/questions/${question.id}/vote`, t.bjorn), 200);
    await patch(question.id, t.moderator, { text: 'Revisjonen' });
    await patch(question.id, t.presenter, { status: 'highlighted' });
    await json(await api('PATCH', `/api/events/${t.event.slug}/qa`, organiserToken, { sort: 'recent' }), 200);
    expect((await api('GET', `/api/events/${t.event.slug}/questions/audit`, t.bjorn)).status).toBe(403);
    const audit = await json<{ entries: Array<Record<string, unknown>> }>(
      await api('GET', `/api/events/${t.event.slug}/questions/audit`, t.moderator),
      200,
    );
    expect(
      audit.entries.map((e) => [
        e.kind,
        (e.actor as { role: string }).role,
        (e.actor as { name: string }).name,
      ]),
    ).toEqual([
      ['settings', 'host', 'API'],
      ['status', 'presenter', 'Per Presentatør'],
      ['edited', 'moderator', 'Mona Moderator'],
      ['asked', 'attendee', 'Anne'],
    ]);
    expect(audit.entries[2]).toMatchObject({
      questionId: question.id,
      question: { text: 'Revisjonen', originalText: 'Revisjon' },
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(audit.entries[1]).toMatchObject({ fromStatus: 'live', question: { status: 'highlighted' } });
  });
});

describe('presenter view with questions at the end', () => {
  it('shows the presenter no question until the Q&A starts, then the whole list at once', async () => {
    const t = await setUp();
    await json(
      await api('PATCH', `/api/events/${t.event.slug}/qa`, t.moderator, { questionsAtEnd: true }),
      200,
    );
    const { question } = await ask(t.event.slug, t.anne, 'Spørsmål til slutt');
    const before = await list(t.event.slug, t.presenter);
    expect(before).toMatchObject({
      questions: [],
      hiddenUntilQaStarts: true,
      settings: { questionsAtEnd: true, qaStarted: false },
    });
    expect((await list(t.event.slug, t.bjorn)).questions.map((q) => q.id)).toEqual([question.id]);

    const stream = await openSse(`${system.url}/api/events/${t.event.slug}/questions`, {
      authorization: `Bearer ${t.presenter}`,
    });
    try {
      const [snapshot] = await stream.waitFor((e) => e.length >= 1);
      expect(dataOf(snapshot!)).toMatchObject({ questions: [] });
      await ask(t.event.slug, t.bjorn, 'Et til');
      const started = await json<{ lastEventId: number }>(
        await api('PATCH', `/api/events/${t.event.slug}/qa`, t.moderator, { qaStarted: true }),
        200,
      );
      const events = await stream.waitFor((e) => e.some((x) => Number(x.id) === started.lastEventId));
      // Nothing while hidden; then the whole list in one snapshot.
      expect(events.map((x) => x.event)).toEqual(['snapshot', 'snapshot']);
      expect(dataOf<{ questions: QuestionView[] }>(events[1]!).questions).toHaveLength(2);
    } finally {
      await stream.close();
    }
    expect((await list(t.event.slug, t.presenter)).questions).toHaveLength(2);
  });
});

describe('after the event', () => {
  it('exports CSV for Excel (names included, formulas defused) and counts', async () => {
    const t = await setUp();
    const a = (await ask(t.event.slug, t.anne, 'Åpent spørsmål; med "sitat"', true)).question;
    const b = (await ask(t.event.slug, t.bjorn, '=HYPERLINK("http://x")')).question;
    const c = (await ask(t.event.slug, t.cecilie, 'Søppel')).question;
    await json(await api('POST', `/api/questions/${a.id}/vote`, t.dag), 200);
    await json(await api('POST', `/api/questions/${a.id}/vote`, t.bjorn), 200);
    await patch(a.id, t.moderator, { status: 'answered' });
    await patch(c.id, t.moderator, { status: 'dismissed' });

    expect((await api('GET', `/api/events/${t.event.slug}/questions?format=csv`, t.anne)).status).toBe(403);
    const csv = await api('GET', `/api/events/${t.event.slug}/questions?format=csv`, organiserToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      '"#";"Status";"Spørsmål";"Opprinnelig tekst";"Spurt av";"Anonym";"Stemmer";"Festet";"Svar";"Stilt";"Fremhevet";"Besvart";"Slått sammen med"',
    );
    expect(lines[1]).toContain('"1";"Besvart";"Åpent spørsmål; med ""sitat""";"";"Anne";"Ja";"2"');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines).toHaveLength(5);
    void b;

    const stats = await json(
      await api('GET', `/api/events/${t.event.slug}/questions/stats`, t.moderator),
      200,
    );
    expect(stats).toEqual({
      asked: 3,
      answered: 1,
      dismissed: 1,
      merged: 0,
      open: 1,
      votes: 2,
      askers: 3,
      voters: 2,
    });
    expect((await api('GET', `/api/events/${t.event.slug}/questions/stats`, t.anne)).status).toBe(403);
  });
});

describe('a registrant deleting their own data', () => {
  it('deletes their unanswered questions, tells live viewers who saw them, and keeps answered ones nameless', async () => {
    const t = await setUp();
    const live = (await ask(t.event.slug, t.anne, 'Anne fra Sømna spør om bussen')).question;
    const asked = (await ask(t.event.slug, t.anne, 'Jeg, Anne, lurer på skolen')).question;
    await patch(asked.id, t.moderator, { text: 'Hva skjer med skolen?' });
    await patch(asked.id, t.moderator, { status: 'answered' });
    const bjorns = (await ask(t.event.slug, t.bjorn, 'Når åpner hallen?')).question;
    await json(
      await api('PATCH', `/api/events/${t.event.slug}/qa`, t.moderator, { preModeration: true }),
      200,
    );
    const pending = await ask(t.event.slug, t.anne, 'Ring meg på 912 34 567');
    expect(pending.question.status).toBe('pending');
    const askedBefore = (
      await json<{ asked: number }>(
        await api('GET', `/api/events/${t.event.slug}/questions/stats`, t.moderator),
        200,
      )
    ).asked;
    expect(askedBefore).toBe(4);

    const url = `${system.url}/api/events/${t.event.slug}/questions`;
    const bjorn = await openSse(url, { authorization: `Bearer ${t.bjorn}` });
    const moderator = await openSse(url, { authorization: `Bearer ${t.moderator}` });
    try {
      await bjorn.waitFor((e) => e.some((x) => x.event === 'snapshot'));
      await moderator.waitFor((e) => e.some((x) => x.event === 'snapshot'));
      const deleted = await fetch(`${system.url}/api/registrations/me`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${t.anne}` },
      });
      expect(deleted.status).toBe(200);

      const removals = (await moderator.waitFor((e) => e.filter((x) => x.event === 'remove').length >= 2))
        .filter((x) => x.event === 'remove')
        .map((x) => dataOf(x));
      expect(removals).toEqual([
        { kind: 'deleted', id: live.id, status: null, mergedInto: null },
        { kind: 'deleted', id: pending.question.id, status: null, mergedInto: null },
      ]);
      // The audience saw only the live one, so only it is removed for them.
      const forBjorn = (await bjorn.waitFor((e) => e.some((x) => x.event === 'remove'))).filter(
        (x) => x.event === 'remove',
      );
      expect(forBjorn.map((x) => dataOf(x))).toEqual([removals[0]]);
      expect(Number(forBjorn[0]!.id)).toBe(pending.lastEventId + 1);
      expect(bjorn.raw()).not.toContain(pending.question.id);
    } finally {
      await bjorn.close();
      await moderator.close();
    }

    // A viewer resuming from before the deletion gets the same removal.
    const resumed = await openSse(url, {
      authorization: `Bearer ${t.bjorn}`,
      'last-event-id': String(pending.lastEventId),
    });
    try {
      const [first] = await resumed.waitFor((e) => e.length >= 1);
      expect(first).toMatchObject({ event: 'remove', id: String(pending.lastEventId + 1) });
      expect(dataOf(first!)).toMatchObject({ kind: 'deleted', id: live.id });
    } finally {
      await resumed.close();
    }

    const forModerator = (await list(t.event.slug, t.moderator)).questions;
    expect(forModerator.map((q) => q.id).sort()).toEqual([asked.id, bjorns.id].sort());
    expect(byId(forModerator, asked.id)).toMatchObject({
      status: 'answered',
      text: 'Hva skjer med skolen?',
      author: null,
      edited: true,
      originalText: null,
    });
    expect(byId(forModerator, bjorns.id)).toMatchObject({ author: { name: 'Bjørn' } });
    expect((await list(t.event.slug, t.bjorn)).questions.map((q) => q.id).sort()).toEqual(
      [asked.id, bjorns.id].sort(),
    );
    const audit = await json<{ entries: Array<Record<string, unknown>> }>(
      await api('GET', `/api/events/${t.event.slug}/questions/audit`, t.moderator),
      200,
    );
    expect(audit.entries.slice(0, 2)).toEqual([
      expect.objectContaining({
        kind: 'deleted',
        questionId: pending.question.id,
        fromStatus: 'pending',
        question: null,
        actor: { kind: 'registration', role: 'attendee', name: null },
      }),
      expect.objectContaining({ kind: 'deleted', questionId: live.id, fromStatus: 'live', question: null }),
    ]);
    expect(JSON.stringify(audit)).not.toContain('Anne');
    const stats = await json(
      await api('GET', `/api/events/${t.event.slug}/questions/stats`, t.moderator),
      200,
    );
    expect(stats).toMatchObject({ asked: 4, answered: 1, open: 3, askers: 1 });
  });
});
