import type { QuestionView } from '@folkemote/domain';
import { type SharedInstances, startSharedInstances } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAt,
  type Changed,
  createTestEvent,
  createTestStaffLink,
  dataOf,
  json,
  openSse,
  registerForTest,
} from '../src/testing/index.ts';

let shared: SharedInstances;
beforeAll(async () => {
  shared = await startSharedInstances(2);
});
afterAll(async () => {
  await shared?.stop();
});

describe('the question stream across API instances', () => {
  it('resumes from Last-Event-ID on another instance with exactly the changes missed, in order', async () => {
    const [a, b] = shared.instances as [(typeof shared.instances)[0], (typeof shared.instances)[0]];
    const apiA = apiAt(a.url);
    const event = await createTestEvent(shared.database.db, { capacity: 50 });
    const person = async (name: string) =>
      (
        await registerForTest(a.url, event.slug, {
          name,
          email: `${name.toLowerCase()}-${event.slug}@example.no`,
        })
      ).joinToken;
    const anne = await person('Anne');
    const bjorn = await person('Bjorn');
    const cecilie = await person('Cecilie');
    const moderator = (await createTestStaffLink(a, event, 'moderator')).token;
    const streamUrl = `${b.url}/api/events/${event.slug}/questions`;
    const auth = { authorization: `Bearer ${bjorn}` };
    const ask = async (text: string) =>
      (await json<Changed>(await apiA('POST', `/api/events/${event.slug}/questions`, anne, { text }), 201))
        .question;

    // Live: a change made on instance A reaches a viewer streaming from instance B.
    const first = await openSse(streamUrl, auth);
    await first.waitFor((e) => e.some((x) => x.event === 'snapshot'));
    const q1 = await ask('Spørsmål 1');
    const [, live] = await first.waitFor((e) => e.length >= 2);
    expect(live).toMatchObject({ event: 'question' });
    expect(dataOf<{ question: QuestionView }>(live!).question.id).toBe(q1.id);
    const lastSeen = Number(live!.id);
    await first.close();

    // Ten changes while the viewer is away, all made on instance A.
    const changes: number[] = [];
    const questions: QuestionView[] = [q1];
    for (let i = 2; i <= 4; i++) {
      const response = await apiA('POST', `/api/events/${event.slug}/questions`, anne, {
        text: `Spørsmål ${i}`,
      });
      const created = await json<Changed>(response, 201);
      questions.push(created.question);
      changes.push(created.lastEventId);
    }
    for (const q of questions)
      changes.push(
        (await json<Changed>(await apiA('POST', `/api/questions/${q.id}/vote`, cecilie), 200)).lastEventId,
      );
    for (const body of [{ pinned: true }, { text: 'Spørsmål 1, rettet' }, { status: 'highlighted' }])
      changes.push(
        (await json<Changed>(await apiA('PATCH', `/api/questions/${q1.id}`, moderator, body), 200))
          .lastEventId,
      );
    expect(changes).toHaveLength(10);
    const expected = Array.from({ length: 10 }, (_, i) => lastSeen + 1 + i);
    expect(changes).toEqual(expected);

    const resumed = await openSse(streamUrl, { ...auth, 'last-event-id': String(lastSeen) });
    try {
      const events = await resumed.waitFor((e) => e.length >= 10);
      expect(events.map((e) => Number(e.id))).toEqual(expected);
      expect(events.map((e) => e.event)).toEqual(Array(10).fill('question'));
      expect(events.map((e) => dataOf<{ kind: string }>(e).kind)).toEqual([
        'asked',
        'asked',
        'asked',
        'voted',
        'voted',
        'voted',
        'voted',
        'pinned',
        'edited',
        'status',
      ]);
      expect(dataOf<{ question: QuestionView }>(events[9]!).question).toMatchObject({
        id: q1.id,
        status: 'highlighted',
        pinned: true,
        text: 'Spørsmål 1, rettet',
        votes: 1,
      });

      // And on from there: the next change once, nothing twice.
      const next = await json<Changed>(await apiA('DELETE', `/api/questions/${q1.id}/vote`, cecilie), 200);
      const after = await resumed.waitFor((e) => e.length >= 11);
      expect(Number(after[10]!.id)).toBe(next.lastEventId);
      expect(next.lastEventId).toBe(lastSeen + 11);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(resumed.events.map((e) => Number(e.id))).toEqual([...expected, lastSeen + 11]);
    } finally {
      await resumed.close();
    }
  });

  it('keeps votes and counts consistent while moderators change the same questions at the same time', async () => {
    const [a, b] = shared.instances as [(typeof shared.instances)[0], (typeof shared.instances)[0]];
    const event = await createTestEvent(shared.database.db, { capacity: 50 });
    const tokens = await Promise.all(
      Array.from(
        { length: 12 },
        async (_, i) =>
          (
            await registerForTest(a.url, event.slug, {
              name: `Velger ${i}`,
              email: `v${i}-${event.slug}@example.no`,
            })
          ).joinToken,
      ),
    );
    const moderator = (await createTestStaffLink(a, event, 'moderator')).token;
    const questions: string[] = [];
    for (const token of tokens.slice(0, 3))
      questions.push(
        (
          await json<Changed>(
            await apiAt(a.url)('POST', `/api/events/${event.slug}/questions`, token, { text: 'Hei' }),
            201,
          )
        ).question.id,
      );
    const statuses = ['highlighted', 'live', 'answered', 'live', 'highlighted', 'live'];
    const answers = await Promise.all([
      ...tokens.flatMap((token, i) =>
        questions.map((id, j) =>
          apiAt((i + j) % 2 ? a.url : b.url)('POST', `/api/questions/${id}/vote`, token),
        ),
      ),
      ...statuses.flatMap((status, k) =>
        questions.map((id) =>
          apiAt(k % 2 ? a.url : b.url)('PATCH', `/api/questions/${id}`, moderator, { status }),
        ),
      ),
    ]);
    // Each request either went through or was refused for a reason; none failed.
    expect(answers.map((r) => r.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const { rows } = await shared.database.db.query<{ id: string; vote_count: number; n: number }>(
      `select q.id, q.vote_count, (select count(*)::int from question_votes v where v.question_id = q.id) as n
       from questions q where q.event_id = $1`,
      [event.id],
    );
    for (const row of rows) expect(row.vote_count).toBe(row.n);
    const seqs = await shared.database.db.query<{ seq: number }>(
      'select seq from question_changes where event_id = $1 order by seq',
      [event.id],
    );
    expect(seqs.rows.map((r) => Number(r.seq))).toEqual(seqs.rows.map((_, i) => i + 1));
    const highlighted = await shared.database.db.query(
      `select 1 from questions where event_id = $1 and status = 'highlighted'`,
      [event.id],
    );
    expect(highlighted.rows.length).toBeLessThanOrEqual(1);
  });

  it('numbers concurrent changes from both instances without gaps or repeats', async () => {
    const [a, b] = shared.instances as [(typeof shared.instances)[0], (typeof shared.instances)[0]];
    const event = await createTestEvent(shared.database.db, { capacity: 50 });
    const tokens = await Promise.all(
      Array.from(
        { length: 8 },
        async (_, i) =>
          (
            await registerForTest(a.url, event.slug, {
              name: `Deltaker ${i}`,
              email: `d${i}-${event.slug}@example.no`,
            })
          ).joinToken,
      ),
    );
    const watcher = await openSse(`${a.url}/api/events/${event.slug}/questions`, {
      authorization: `Bearer ${tokens[0]}`,
    });
    try {
      await watcher.waitFor((e) => e.some((x) => x.event === 'snapshot'));
      const results = await Promise.all(
        tokens.flatMap((token, i) =>
          [0, 1].map(async (j) => {
            const api = apiAt((i + j) % 2 === 0 ? a.url : b.url);
            return (
              await json<Changed>(
                await api('POST', `/api/events/${event.slug}/questions`, token, { text: `Q ${i}.${j}` }),
                201,
              )
            ).lastEventId;
          }),
        ),
      );
      expect([...results].sort((x, y) => x - y)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      const events = await watcher.waitFor((e) => e.length >= 17);
      expect(events.slice(1).map((e) => Number(e.id))).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    } finally {
      await watcher.close();
    }
  });
});
