import { deleteQuestionDataAtRetention, deleteRegistrationsKeepingCounts, listPolls } from '@folkemote/db';
import type { PollView } from '@folkemote/domain';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiAt,
  createTestApiToken,
  createTestEvent,
  createTestStaffLink,
  dataOf,
  json,
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

type Created = { poll: PollView & { id: string }; lastEventId: number };

async function setUp(options: { newEventQa?: boolean } = {}) {
  const event = await createTestEvent(system.deps.db, { capacity: 100 }, options);
  const attendee = async (name: string) =>
    await registerForTest(system.url, event.slug, {
      name,
      email: `${name.toLowerCase()}-${event.slug}@example.no`,
    });
  return {
    event,
    moderator: (await createTestStaffLink(system, event, 'moderator', 'Mona Moderator')).token,
    presenter: (await createTestStaffLink(system, event, 'presenter', 'Per Presentatør')).token,
    anne: await attendee('Anne'),
    bjorn: await attendee('Bjorn'),
  };
}

const prepare = (slug: string, token: string, body: Record<string, unknown>, status = 201) =>
  api('POST', `/api/events/${slug}/polls`, token, {
    question: 'Hvilken dag passer best for neste møte?',
    options: ['Tirsdag', 'Torsdag', 'Lørdag'],
    ...body,
  }).then((r) => json<Created>(r, status));
const setStatus = (id: string, token: string, status: string, code = 200) =>
  api('PATCH', `/api/polls/${id}`, token, { status }).then((r) => json<Created>(r, code));
const answer = (id: string, token: string, choices: unknown, code = 201) =>
  api('POST', `/api/polls/${id}/answers`, token, { choices }).then((r) =>
    json<Record<string, unknown>>(r, code),
  );
const listed = (slug: string, token: string) =>
  api('GET', `/api/events/${slug}/polls`, token).then((r) => json<{ polls: PollView[] }>(r, 200));

describe('polls', () => {
  it('lets hosts and moderators prepare and open a poll, and shows a draft to staff only', async () => {
    const t = await setUp();
    const { poll } = await prepare(t.event.slug, t.moderator, {});
    expect(poll).toMatchObject({ status: 'draft', multiple: false, answerCount: 0 });
    await prepare(t.event.slug, organiserToken, { question: 'Og verten spør?' });
    // Presenters and attendees do not prepare polls; a bad poll names its fields and stores nothing.
    await prepare(t.event.slug, t.presenter, {}, 403);
    await prepare(t.event.slug, t.anne.joinToken, {}, 403);
    const bad = await prepare(t.event.slug, t.moderator, { question: '', options: ['Ja', 'ja'] }, 400);
    expect(JSON.stringify(bad)).toContain('must not repeat a choice');
    expect((await listPolls(system.deps.db, t.event.id)).length).toBe(2);

    expect((await listed(t.event.slug, t.anne.joinToken)).polls).toEqual([]);
    await answer(poll.id, t.anne.joinToken, [0], 404);
    expect((await listed(t.event.slug, t.presenter)).polls.length).toBe(2);

    await setStatus(poll.id, t.anne.joinToken, 'open', 404);
    expect((await setStatus(poll.id, t.moderator, 'open')).poll.status).toBe('open');
    expect((await listed(t.event.slug, t.anne.joinToken)).polls.map((p) => p.question)).toEqual([
      poll.question,
    ]);

    // One open at a time: opening the next closes the first.
    const second = (await listed(t.event.slug, t.moderator)).polls.find((p) => p.status === 'draft')!;
    await setStatus((second as PollView & { id: string }).id, organiserToken, 'open');
    const after = (await listed(t.event.slug, t.moderator)).polls;
    expect(after.map((p) => p.status)).toEqual(['closed', 'open']);
  });

  it('takes one answer per registration, and streams the counts to everyone or to staff only, as chosen', async () => {
    const t = await setUp();
    const url = `${system.url}/api/events/${t.event.slug}/questions`;
    const bjorn = await openSse(url, { authorization: `Bearer ${t.bjorn.joinToken}` });
    const moderator = await openSse(url, { authorization: `Bearer ${t.moderator}` });
    try {
      await bjorn.waitFor((e) => e.some((x) => x.event === 'snapshot'));
      await moderator.waitFor((e) => e.some((x) => x.event === 'snapshot'));
      const { poll } = await prepare(t.event.slug, t.moderator, {
        resultsVisibility: 'staff',
        multiple: true,
      });
      await moderator.waitFor((e) => e.some((x) => x.event === 'poll'));
      await setStatus(poll.id, t.moderator, 'open');
      await bjorn.waitFor((e) => e.some((x) => x.event === 'poll'));
      // The draft never reached the audience.
      expect(
        bjorn.events.filter((x) => x.event === 'poll').map((x) => dataOf<{ poll: PollView }>(x).poll.status),
      ).toEqual(['open']);

      await answer(poll.id, t.anne.joinToken, [], 400);
      await answer(poll.id, t.anne.joinToken, [7], 400);
      const first = await answer(poll.id, t.anne.joinToken, [2, 0]);
      expect(first).toMatchObject({ choices: [0, 2], poll: { answerCount: null } });
      const again = await answer(poll.id, t.anne.joinToken, [1], 409);
      expect(JSON.stringify(again)).toContain('already_answered');
      await answer(poll.id, t.moderator, [1], 403);

      const forModerator = await moderator.waitFor((e) =>
        e.some((x) => x.event === 'poll' && dataOf<{ kind: string }>(x).kind === 'poll_answered'),
      );
      const counted = dataOf<{ poll: PollView }>(forModerator.findLast((x) => x.event === 'poll')!).poll;
      expect(counted.answerCount).toBe(1);
      expect(counted.options.map((o) => o.votes)).toEqual([1, 0, 1]);
      const forBjorn = await bjorn.waitFor((e) =>
        e.some((x) => x.event === 'poll' && dataOf<{ kind: string }>(x).kind === 'poll_answered'),
      );
      const hidden = dataOf<{ poll: PollView; answered?: boolean }>(
        forBjorn.findLast((x) => x.event === 'poll')!,
      );
      expect(hidden.poll.options.map((o) => o.votes)).toEqual([null, null, null]);
      expect(hidden.answered).toBeUndefined();

      // A single-choice poll shown to everyone: Bjørn's own answer comes back to him, and the counts to all.
      const open = await prepare(t.event.slug, t.moderator, {
        question: 'Ja eller nei?',
        options: ['Ja', 'Nei'],
      });
      await setStatus(open.poll.id, t.moderator, 'open');
      await answer(open.poll.id, t.bjorn.joinToken, [0, 1], 400);
      await answer(open.poll.id, t.bjorn.joinToken, [1]);
      const mine = await bjorn.waitFor((e) =>
        e.some((x) => x.event === 'poll' && dataOf<{ answered?: boolean }>(x).answered === true),
      );
      expect(dataOf<{ poll: PollView }>(mine.findLast((x) => x.event === 'poll')!).poll.options).toEqual([
        { text: 'Ja', votes: 0 },
        { text: 'Nei', votes: 1 },
      ]);
      // A viewer who reconnects gets the polls and their own answers in the snapshot.
      const again2 = await openSse(url, { authorization: `Bearer ${t.bjorn.joinToken}` });
      const snap = dataOf<{ polls: PollView[]; myPollAnswers: Record<string, number[]> }>(
        (await again2.waitFor((e) => e.some((x) => x.event === 'snapshot'))).find(
          (x) => x.event === 'snapshot',
        )!,
      );
      await again2.close();
      expect(snap.polls.length).toBe(2);
      expect(snap.myPollAnswers).toEqual({ [open.poll.id]: [1] });

      await setStatus(open.poll.id, t.moderator, 'closed');
      await answer(open.poll.id, t.anne.joinToken, [0], 409);
    } finally {
      await bjorn.close();
      await moderator.close();
    }
  });

  it('exports the results as CSV for the organiser, and keeps the counts when who answered is deleted', async () => {
    const t = await setUp();
    const { poll } = await prepare(t.event.slug, t.moderator, {});
    await setStatus(poll.id, t.moderator, 'open');
    await answer(poll.id, t.anne.joinToken, [1]);
    await answer(poll.id, t.bjorn.joinToken, [1]);

    const csv = await api('GET', `/api/events/${t.event.slug}/polls?format=csv`, organiserToken);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('"Avstemning"');
    expect(text).toContain('"Torsdag";"2"');
    expect(text).not.toContain('Anne');
    expect((await api('GET', `/api/events/${t.event.slug}/polls?format=csv`, t.presenter)).status).toBe(403);

    // Anne deletes her own data; then the event's retention ends for the rest.
    expect((await api('DELETE', '/api/registrations/me', t.anne.joinToken)).status).toBe(200);
    const answers = async () =>
      Number(
        (
          await system.deps.db.query<{ n: string }>(
            'select count(*) as n from poll_answers where poll_id = $1',
            [poll.id],
          )
        ).rows[0]!.n,
      );
    expect(await answers()).toBe(1);
    await system.deps.db.transaction(async (tx) => {
      await deleteQuestionDataAtRetention(tx, t.event.id);
      await deleteRegistrationsKeepingCounts(tx, t.event.id, 'all');
    });
    expect(await answers()).toBe(0);
    const [kept] = await listPolls(system.deps.db, t.event.id);
    expect(kept).toMatchObject({ answerCount: 2, options: [{ votes: 0 }, { votes: 2 }, { votes: 0 }] });
  });
});

describe('the Q&A of a new event', () => {
  it('pre-moderates by default and takes questions only once the room is live, unless the organiser allows them from registration on', async () => {
    const t = await setUp({ newEventQa: true });
    const ask = (status: number) =>
      api('POST', `/api/events/${t.event.slug}/questions`, t.anne.joinToken, {
        text: 'Blir det opptak?',
      }).then((r) => json<Record<string, { status?: string; code?: string }>>(r, status));
    expect((await ask(409)).error?.code).toBe('questions_not_open_yet');

    const settings = await api('PATCH', `/api/events/${t.event.slug}/qa`, t.moderator, {
      questionsBeforeStart: true,
    }).then((r) => json<{ settings: Record<string, unknown> }>(r, 200));
    expect(settings.settings).toMatchObject({ preModeration: true, questionsBeforeStart: true });
    expect((await ask(201)).question?.status).toBe('pending');

    await api('PATCH', `/api/events/${t.event.slug}/qa`, organiserToken, { preModeration: false }).then((r) =>
      json(r, 200),
    );
    expect((await ask(201)).question?.status).toBe('live');
  });
});
