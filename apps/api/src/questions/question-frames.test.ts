import type { QuestionChange } from '@folkemote/db';
import { defaultQaSettings, type PollRecord, type QuestionRecord } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import type { SseFrame } from '../realtime/sse-stream.ts';
import { ChangeFrames, SnapshotRenderer } from './question-frames.ts';

const question = (over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  id: 'q1',
  eventId: 'e1',
  registrationId: 'asker',
  authorName: 'Anne Asker',
  status: 'live',
  text: 'Hva koster det?',
  originalText: null,
  anonymous: true,
  pinned: false,
  answer: null,
  votes: 1,
  dismissedFrom: null,
  mergedInto: null,
  createdAt: '2027-03-10T10:00:00.000Z',
  editedAt: null,
  highlightedAt: null,
  answeredAt: null,
  ...over,
});
const change = (over: Partial<QuestionChange> = {}): QuestionChange => ({
  seq: 7,
  eventId: 'e1',
  kind: 'status',
  questionId: 'q1',
  fromStatus: 'pending',
  question: question(),
  settings: null,
  deletedQuestionId: null,
  poll: null,
  actor: { kind: 'staff', id: 's1', role: 'moderator', name: 'Mona' },
  createdAt: '2027-03-10T10:01:00.000Z',
  ...over,
});
const attendee = (id: string) => ({ role: 'attendee' as const, registrationId: id });
const moderator = { role: 'moderator' as const, registrationId: null };
const text = (frame: Buffer | null) => frame?.toString('utf8') ?? null;
const data = (frame: Buffer | null) => JSON.parse(/data: (.*)\n\n$/.exec(text(frame)!)![1]!);

describe('ChangeFrames', () => {
  it('shares one frame between attendees and keeps the anonymous asker’s name for staff', () => {
    const frames = new ChangeFrames(change(), defaultQaSettings);
    const a = frames.frameFor(attendee('a'));
    expect(frames.frameFor(attendee('b'))).toBe(a);
    expect(text(a)).toMatch(/^id: 7\nevent: question\ndata: /);
    expect(data(a)).toMatchObject({ kind: 'status', question: { author: null, mine: false } });
    expect(data(a).question).not.toHaveProperty('myVote');
    expect(text(a)).not.toContain('Anne');
    expect(data(frames.frameFor(moderator))).toMatchObject({ question: { author: { name: 'Anne Asker' } } });
    expect(data(frames.frameFor(attendee('asker')))).toMatchObject({
      question: { mine: true, author: null },
    });
  });

  it('sends others nothing of a pending question, and a removal when a visible one is dismissed', () => {
    const pending = new ChangeFrames(
      change({ kind: 'asked', fromStatus: null, question: question({ status: 'pending' }) }),
      defaultQaSettings,
    );
    expect(pending.frameFor(attendee('b'))).toBeNull();
    expect(data(pending.frameFor(attendee('asker')))).toMatchObject({
      question: { status: 'pending', mine: true },
    });
    const dismissed = new ChangeFrames(
      change({ fromStatus: 'live', question: question({ status: 'dismissed', dismissedFrom: 'live' }) }),
      defaultQaSettings,
    );
    expect(text(dismissed.frameFor(attendee('b')))).toMatch(/^id: 7\nevent: remove\n/);
    expect(data(dismissed.frameFor(attendee('b')))).toEqual({
      kind: 'status',
      id: 'q1',
      status: 'dismissed',
      mergedInto: null,
    });
    const pendingDismissed = new ChangeFrames(
      change({ fromStatus: 'pending', question: question({ status: 'dismissed' }) }),
      defaultQaSettings,
    );
    expect(pendingDismissed.frameFor(attendee('b'))).toBeNull();
  });

  it('removes a deleted question for staff, and for the audience only when it was public', () => {
    const deletion = (fromStatus: 'live' | 'pending') =>
      change({
        kind: 'deleted',
        questionId: null,
        fromStatus,
        question: null,
        deletedQuestionId: 'q9',
        actor: { kind: 'registration', id: 'asker', role: 'attendee', name: null },
      });
    const deleted = (fromStatus: 'live' | 'pending') =>
      new ChangeFrames(deletion(fromStatus), defaultQaSettings);
    const wasLive = deleted('live');
    expect(text(wasLive.frameFor(attendee('b')))).toMatch(/^id: 7\nevent: remove\n/);
    expect(data(wasLive.frameFor(attendee('b')))).toEqual({
      kind: 'deleted',
      id: 'q9',
      status: null,
      mergedInto: null,
    });
    expect(wasLive.frameFor(moderator)).toBe(wasLive.frameFor(attendee('b')));
    const wasPending = deleted('pending');
    expect(wasPending.frameFor(attendee('b'))).toBeNull();
    expect(data(wasPending.frameFor(moderator))).toMatchObject({ kind: 'deleted', id: 'q9' });
    const atEnd = new ChangeFrames(deletion('live'), { ...defaultQaSettings, questionsAtEnd: true });
    expect(atEnd.frameFor({ role: 'presenter', registrationId: null })).toBeNull();
  });

  it('tells a voter about their own vote only', () => {
    const voted = new ChangeFrames(
      change({
        kind: 'voted',
        fromStatus: 'live',
        actor: { kind: 'registration', id: 'voter', role: 'attendee', name: null },
      }),
      defaultQaSettings,
    );
    expect(data(voted.frameFor(attendee('voter')))).toMatchObject({ myVote: true, question: { votes: 1 } });
    expect(data(voted.frameFor(attendee('other')))).not.toHaveProperty('myVote');
    const merged = new ChangeFrames(
      change({ kind: 'merge_target', fromStatus: 'live' }),
      defaultQaSettings,
      new Set(['v1']),
    );
    expect(data(merged.frameFor(attendee('v1'))).myVote).toBe(true);
    expect(data(merged.frameFor(attendee('v2'))).myVote).toBe(false);
  });

  it('shows a presenter nothing before the Q&A starts when questions are kept for the end', () => {
    const settings = { ...defaultQaSettings, questionsAtEnd: true };
    const frames = new ChangeFrames(change(), settings);
    expect(frames.frameFor({ role: 'presenter', registrationId: null })).toBeNull();
    expect(frames.frameFor(moderator)).not.toBeNull();
  });
});

describe('SnapshotRenderer', () => {
  it('renders each viewer’s list with its own questions and votes, as one snapshot frame', () => {
    const renderer = new SnapshotRenderer(
      [question(), question({ id: 'q2', status: 'pending', registrationId: 'b' })],
      defaultQaSettings,
      12,
    );
    const forB = data(renderer.frame(attendee('b'), new Set(['q1'])));
    expect(forB.lastEventId).toBe(12);
    expect(
      forB.questions.map((q: { id: string; myVote: boolean; mine: boolean }) => [q.id, q.myVote, q.mine]),
    ).toEqual([
      ['q1', true, false],
      ['q2', false, true],
    ]);
    expect(data(renderer.frame(attendee('c'), undefined)).questions).toHaveLength(1);
    expect(text(renderer.frame(moderator, undefined))).toMatch(/^id: 12\nevent: snapshot\n/);
  });
});

const settings = defaultQaSettings;
const poll = (over: Partial<PollRecord> = {}): PollRecord => ({
  id: 'p1',
  eventId: 'e1',
  question: 'Hvilken dag passer best?',
  multiple: false,
  resultsVisibility: 'everyone',
  status: 'open',
  options: [
    { text: 'Tirsdag', votes: 3 },
    { text: 'Torsdag', votes: 1 },
  ],
  answerCount: 4,
  createdAt: '2027-03-10T09:00:00.000Z',
  openedAt: '2027-03-10T10:00:00.000Z',
  closedAt: null,
  ...over,
});
const pollData = (frame: SseFrame | null) => {
  const text = frame?.toString() ?? '';
  return text.includes('event: poll') ? JSON.parse(text.split('data: ')[1]!) : null;
};

describe('ChangeFrames for polls', () => {
  it('shows a draft to staff only', () => {
    const frames = new ChangeFrames(
      change({ kind: 'poll', question: null, questionId: null, poll: poll({ status: 'draft' }) }),
      settings,
    );
    expect(pollData(frames.frameFor(moderator))?.poll.status).toBe('draft');
    expect(frames.frameFor(attendee('r1'))).toBeNull();
  });

  it('keeps the counts of a staff-only poll from the audience, and gives them to the presenter', () => {
    const frames = new ChangeFrames(
      change({ kind: 'poll', question: null, questionId: null, poll: poll({ resultsVisibility: 'staff' }) }),
      { ...settings, questionsAtEnd: true },
    );
    expect(pollData(frames.frameFor(attendee('r1'))).poll).toMatchObject({
      answerCount: null,
      options: [
        { text: 'Tirsdag', votes: null },
        { text: 'Torsdag', votes: null },
      ],
    });
    expect(pollData(frames.frameFor({ role: 'presenter', registrationId: null })).poll.answerCount).toBe(4);
  });

  it('tells only the registrant who answered that the answer is theirs', () => {
    const frames = new ChangeFrames(
      change({
        kind: 'poll_answered',
        question: null,
        questionId: null,
        poll: poll(),
        actor: { kind: 'registration', id: 'r1', role: 'attendee', name: null },
      }),
      settings,
    );
    expect(pollData(frames.frameFor(attendee('r1')))).toMatchObject({
      answered: true,
      poll: { answerCount: 4 },
    });
    expect(pollData(frames.frameFor(attendee('r2'))).answered).toBeUndefined();
    expect(frames.frameFor(attendee('r2'))).toBe(frames.frameFor(attendee('r3')));
  });
});

describe('SnapshotRenderer with polls', () => {
  it('lists the polls a viewer may see, with their own answers only', () => {
    const renderer = new SnapshotRenderer([], settings, 9, [poll(), poll({ id: 'p2', status: 'draft' })]);
    const forAnne = JSON.parse(
      renderer
        .frame(attendee('r1'), undefined, new Map([['p1', [0]]]))
        .toString()
        .split('data: ')[1]!,
    );
    expect(forAnne.polls.map((p: { id: string }) => p.id)).toEqual(['p1']);
    expect(forAnne.myPollAnswers).toEqual({ p1: [0] });
    const forModerator = JSON.parse(renderer.frame(moderator, undefined).toString().split('data: ')[1]!);
    expect(forModerator.polls.map((p: { id: string }) => p.id)).toEqual(['p1', 'p2']);
    expect(forModerator.myPollAnswers).toEqual({});
  });
});
