import { defaultQaSettings, type QuestionView } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import {
  applyQueueEvent,
  emptyQueue,
  noticeFor,
  orderQueue,
  type QueueEvent,
  type QueueState,
  readQueueEvent,
} from './question-queue.ts';

function view(id: string, patch: Partial<QuestionView> = {}): QuestionView {
  return {
    id,
    status: 'live',
    text: `Spørsmål ${id}`,
    anonymous: false,
    author: { name: 'Kari' },
    mine: false,
    votes: 0,
    myVote: false,
    pinned: false,
    answer: null,
    edited: false,
    createdAt: '2027-03-10T10:00:00.000Z',
    highlightedAt: null,
    answeredAt: null,
    mergedInto: null,
    ...patch,
  };
}

const streamed = (id: number, question: QuestionView, myVote?: boolean): QueueEvent => {
  const { myVote: _omit, ...rest } = question;
  return {
    type: 'question',
    id,
    kind: 'status',
    question: rest,
    ...(myVote === undefined ? {} : { myVote }),
  };
};

const loaded = (questions: QuestionView[], id = 10): QueueState =>
  applyQueueEvent(emptyQueue, { type: 'snapshot', id, questions, settings: defaultQaSettings });

const apply = (state: QueueState, ...events: QueueEvent[]) => events.reduce(applyQueueEvent, state);

describe('applyQueueEvent', () => {
  it('applies changes after the loaded list and skips the ones it already has', () => {
    const state = loaded([view('a', { votes: 2 })], 10);
    const next = apply(
      state,
      streamed(9, view('a', { votes: 1 })),
      streamed(10, view('a', { votes: 2 })),
      streamed(11, view('a', { votes: 3 })),
      streamed(11, view('a', { votes: 3 })),
      streamed(12, view('b')),
    );
    expect(next.lastEventId).toBe(12);
    expect(next.questions.get('a')!.votes).toBe(3);
    expect([...next.questions.keys()].sort()).toEqual(['a', 'b']);
  });

  it('gives the same list whether a reconnect replays an overlap or not', () => {
    const changes = [
      streamed(11, view('a', { votes: 1 })),
      streamed(12, view('b', { status: 'highlighted' })),
      { type: 'remove', id: 13, questionId: 'c' } as const,
      streamed(14, view('a', { votes: 2 })),
    ];
    const start = loaded([view('a'), view('b'), view('c')], 10);
    const straight = apply(start, ...changes);
    // The connection drops after 12; the replay from Last-Event-ID 12 overlaps nothing, a late duplicate of 11 is ignored.
    const resumed = apply(
      start,
      changes[0]!,
      changes[1]!,
      changes[0]!,
      changes[2]!,
      changes[3]!,
      changes[1]!,
    );
    expect([...resumed.questions.values()]).toEqual([...straight.questions.values()]);
    expect(resumed.lastEventId).toBe(14);
  });

  it("keeps the viewer's vote unless the change says otherwise", () => {
    const state = loaded([view('a', { myVote: true, votes: 1 })]);
    const someoneElse = apply(state, streamed(11, view('a', { votes: 2 })));
    expect(someoneElse.questions.get('a')!.myVote).toBe(true);
    const takenBack = apply(someoneElse, streamed(12, view('a', { votes: 1 }), false));
    expect(takenBack.questions.get('a')!.myVote).toBe(false);
  });

  it('removes what the viewer may no longer see, and takes new settings', () => {
    const state = loaded([view('a'), view('b')]);
    const next = apply(
      state,
      { type: 'remove', id: 11, questionId: 'a' },
      { type: 'settings', id: 12, settings: { ...defaultQaSettings, qaStarted: true } },
    );
    expect([...next.questions.keys()]).toEqual(['b']);
    expect(next.settings?.qaStarted).toBe(true);
    expect(next.notices.at(-1)?.kind).toBe('qaStarted');
  });

  it('applies the answer to an own request without moving the stream position', () => {
    const state = loaded([view('a')], 10);
    const next = applyQueueEvent(state, { type: 'local', question: view('a', { myVote: true, votes: 1 }) });
    expect(next.lastEventId).toBe(10);
    expect(next.questions.get('a')!.myVote).toBe(true);
  });

  it('replaces everything on a snapshot', () => {
    const state = apply(loaded([view('a')], 10), streamed(11, view('b')));
    const next = applyQueueEvent(state, {
      type: 'snapshot',
      id: 20,
      questions: [view('c')],
      settings: defaultQaSettings,
    });
    expect([...next.questions.keys()]).toEqual(['c']);
    expect(next.lastEventId).toBe(20);
  });

  it('announces new and moved questions, never a vote', () => {
    const state = loaded([view('a', { status: 'pending' })]);
    const next = apply(
      state,
      streamed(11, view('a', { status: 'pending', votes: 4 })),
      streamed(12, view('a')),
      streamed(13, view('b')),
      streamed(14, view('b', { votes: 1 })),
      streamed(15, view('a', { status: 'highlighted' })),
    );
    expect(next.notices.map((n) => [n.kind, n.questionId])).toEqual([
      ['approved', 'a'],
      ['asked', 'b'],
      ['highlighted', 'a'],
    ]);
  });
});

describe('noticeFor', () => {
  it('names the change a screen reader hears about', () => {
    expect(noticeFor(undefined, view('a'))).toBe('asked');
    expect(noticeFor(view('a'), view('a', { status: 'answered' }))).toBe('answered');
    expect(noticeFor(view('a'), view('a', { status: 'dismissed' }))).toBe('dismissed');
    expect(noticeFor(view('a', { status: 'dismissed' }), view('a'))).toBeNull();
    expect(noticeFor(view('a'), view('a', { text: 'Rettet' }))).toBe('edited');
    expect(noticeFor(view('a'), view('a', { answer: 'Ja.' }))).toBe('answerAdded');
    expect(noticeFor(view('a'), view('a', { votes: 9, pinned: true }))).toBeNull();
    expect(noticeFor(view('a'), view('a', { status: 'merged' }))).toBeNull();
  });
});

describe('readQueueEvent', () => {
  it('reads each kind the stream sends, and nothing else', () => {
    const q = view('a');
    expect(
      readQueueEvent({
        id: '5',
        event: 'question',
        data: JSON.stringify({ kind: 'voted', question: q, myVote: true }),
        retry: null,
      }),
    ).toMatchObject({ type: 'question', id: 5, kind: 'voted', myVote: true });
    expect(
      readQueueEvent({ id: '6', event: 'remove', data: JSON.stringify({ id: 'a' }), retry: null }),
    ).toEqual({ type: 'remove', id: 6, questionId: 'a' });
    expect(
      readQueueEvent({
        id: '7',
        event: 'snapshot',
        data: JSON.stringify({ questions: [q], settings: defaultQaSettings, lastEventId: 7 }),
        retry: null,
      }),
    ).toMatchObject({ type: 'snapshot', id: 7 });
    expect(
      readQueueEvent({ id: null, event: 'question', data: JSON.stringify({ question: q }), retry: null }),
    ).toBeNull();
    expect(readQueueEvent({ id: '8', event: 'question', data: 'not json', retry: null })).toBeNull();
    expect(readQueueEvent({ id: '9', event: 'unknown', data: '{}', retry: null })).toBeNull();
  });
});

describe('orderQueue', () => {
  it('orders by the shared comparator: pinned, then votes, then oldest', () => {
    const state = loaded([
      view('old', { votes: 2, createdAt: '2027-03-10T10:00:00.000Z' }),
      view('new', { votes: 2, createdAt: '2027-03-10T10:05:00.000Z' }),
      view('top', { votes: 5 }),
      view('pin', { pinned: true }),
    ]);
    expect(orderQueue(state, 'popular').map((q) => q.id)).toEqual(['pin', 'top', 'old', 'new']);
    expect(orderQueue(state, 'recent').map((q) => q.id)).toEqual(['pin', 'new', 'old', 'top']);
  });
});

describe('polls in the queue', () => {
  const poll = (status: 'draft' | 'open' | 'closed', votes: number | null = 0) => ({
    id: 'p1',
    question: 'Hvilken dag?',
    multiple: false,
    resultsVisibility: 'everyone' as const,
    status,
    options: [
      { text: 'Tirsdag', votes },
      { text: 'Torsdag', votes },
    ],
    answerCount: votes,
    openedAt: null,
    closedAt: null,
  });

  it('keeps the polls and own answers of a snapshot, and announces a poll when it opens, once', () => {
    let state = applyQueueEvent(emptyQueue, {
      type: 'snapshot',
      id: 3,
      questions: [],
      settings: defaultQaSettings,
      polls: [poll('draft')],
      myPollAnswers: {},
    });
    expect([...state.polls.values()].map((p) => p.status)).toEqual(['draft']);
    const opened = readQueueEvent({
      id: '4',
      retry: null,
      event: 'poll',
      data: JSON.stringify({ kind: 'poll', poll: poll('open') }),
    });
    state = applyQueueEvent(state, opened!);
    expect(state.notices.at(-1)).toMatchObject({ kind: 'pollOpened', text: 'Hvilken dag?' });
    const counted = applyQueueEvent(state, { type: 'poll', id: 5, poll: poll('open', 1) });
    expect(counted.notices).toEqual(state.notices);
    expect(counted.polls.get('p1')?.answerCount).toBe(1);
    // A repeat of a change already applied changes nothing.
    expect(applyQueueEvent(counted, { type: 'poll', id: 5, poll: poll('closed', 9) })).toBe(counted);
    const answered = applyQueueEvent(counted, { type: 'localPoll', poll: poll('open', 2), choices: [1] });
    expect(answered.myPollAnswers.get('p1')).toEqual([1]);
    expect(answered.lastEventId).toBe(5);
  });
});
