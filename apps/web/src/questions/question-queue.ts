import {
  type PollView,
  type QaSettings,
  type QuestionChangeKind,
  type QuestionSort,
  type QuestionView,
  sortQuestions,
} from '@folkemote/domain';
import type { ServerSentEvent } from './sse-parser.ts';

/** The questions one viewer has, and the number of the last change applied to them. */
export interface QueueState {
  questions: ReadonlyMap<string, QuestionView>;
  settings: QaSettings | null;
  /** The change the list is up to date with; the stream resumes after it. Null before the first load. */
  lastEventId: number | null;
  /** Changes worth telling a screen reader about, newest last; a vote is never one. */
  notices: readonly QueueNotice[];
  /** The polls the viewer may see, in the order they were prepared. */
  polls: ReadonlyMap<string, PollView>;
  /** The viewer's own answers: poll id → choices. */
  myPollAnswers: ReadonlyMap<string, readonly number[]>;
}

export type NoticeKind =
  | 'asked'
  | 'approved'
  | 'highlighted'
  | 'answered'
  | 'dismissed'
  | 'edited'
  | 'answerAdded'
  | 'qaStarted'
  | 'pollOpened';

export interface QueueNotice {
  /** Unique within the page, so a repeated text is still announced. */
  key: number;
  kind: NoticeKind;
  questionId: string | null;
  text: string;
}

/** What the stream (or the list request) tells the queue. */
export type QueueEvent =
  | {
      type: 'snapshot';
      id: number;
      questions: QuestionView[];
      settings: QaSettings;
      polls?: PollView[];
      myPollAnswers?: Record<string, number[]>;
    }
  | { type: 'poll'; id: number; poll: PollView }
  /** The answer to the viewer's own poll answer or poll change: applied at once. */
  | { type: 'localPoll'; poll: PollView; choices?: number[] }
  | {
      type: 'question';
      id: number;
      kind: QuestionChangeKind;
      question: Omit<QuestionView, 'myVote'> & { myVote?: boolean };
      myVote?: boolean;
    }
  | { type: 'remove'; id: number; questionId: string }
  | { type: 'settings'; id: number; settings: QaSettings }
  /** The answer to the viewer's own request: applied at once, without moving the stream position. */
  | { type: 'local'; question: QuestionView }
  | { type: 'localSettings'; settings: QaSettings };

export const emptyQueue: QueueState = {
  questions: new Map(),
  settings: null,
  lastEventId: null,
  notices: [],
  polls: new Map(),
  myPollAnswers: new Map(),
};

const MAX_NOTICES = 5;
let noticeCounter = 0;

/**
 * Applies one event to the queue. Changes are numbered per event; one numbered
 * at or below the last applied is a repeat (a replay after reconnecting
 * overlaps what the list already had) and changes nothing, so a change is never
 * applied twice. A snapshot replaces the whole list.
 */
export function applyQueueEvent(state: QueueState, event: QueueEvent): QueueState {
  if (event.type === 'snapshot') {
    return {
      questions: new Map(event.questions.map((q) => [q.id, q])),
      settings: event.settings,
      lastEventId: event.id,
      notices: state.notices,
      polls: event.polls ? new Map(event.polls.map((p) => [p.id, p])) : state.polls,
      myPollAnswers: event.myPollAnswers ? new Map(Object.entries(event.myPollAnswers)) : state.myPollAnswers,
    };
  }
  if (event.type === 'localPoll') {
    const polls = new Map(state.polls);
    polls.set(event.poll.id, event.poll);
    if (!event.choices) return { ...state, polls };
    const myPollAnswers = new Map(state.myPollAnswers);
    myPollAnswers.set(event.poll.id, event.choices);
    return { ...state, polls, myPollAnswers };
  }
  if (event.type === 'local') {
    const questions = new Map(state.questions);
    questions.set(event.question.id, event.question);
    return { ...state, questions };
  }
  if (event.type === 'localSettings') return { ...state, settings: event.settings };
  if (state.lastEventId !== null && event.id <= state.lastEventId) return state;
  const lastEventId = event.id;
  if (event.type === 'settings') {
    const started = state.settings !== null && !state.settings.qaStarted && event.settings.qaStarted;
    return {
      ...state,
      settings: event.settings,
      lastEventId,
      notices: started ? addNotice(state.notices, 'qaStarted', null, '') : state.notices,
    };
  }
  if (event.type === 'poll') {
    const previous = state.polls.get(event.poll.id);
    const polls = new Map(state.polls);
    polls.set(event.poll.id, event.poll);
    const opened = event.poll.status === 'open' && previous?.status !== 'open';
    return {
      ...state,
      polls,
      lastEventId,
      notices: opened ? addNotice(state.notices, 'pollOpened', null, event.poll.question) : state.notices,
    };
  }
  const questions = new Map(state.questions);
  if (event.type === 'remove') {
    questions.delete(event.questionId);
    return { ...state, questions, lastEventId };
  }
  const previous = state.questions.get(event.question.id);
  // The stream carries `myVote` only for the viewer's own votes; otherwise the viewer's vote stands.
  const myVote = event.myVote ?? previous?.myVote ?? false;
  const next: QuestionView = { ...event.question, myVote };
  questions.set(next.id, next);
  const kind = noticeFor(previous, next);
  return {
    ...state,
    questions,
    lastEventId,
    notices: kind ? addNotice(state.notices, kind, next.id, next.text) : state.notices,
  };
}

/** Whether a change is worth announcing: new questions and moves in the queue, not votes or pins. */
export function noticeFor(previous: QuestionView | undefined, next: QuestionView): NoticeKind | null {
  if (next.status === 'merged') return null;
  if (!previous) return 'asked';
  if (previous.status !== next.status) {
    if (next.status === 'live') return previous.status === 'pending' ? 'approved' : null;
    if (next.status === 'pending') return null;
    return next.status;
  }
  if (previous.text !== next.text) return 'edited';
  if (next.answer !== null && previous.answer !== next.answer) return 'answerAdded';
  return null;
}

function addNotice(
  notices: readonly QueueNotice[],
  kind: NoticeKind,
  questionId: string | null,
  text: string,
): QueueNotice[] {
  noticeCounter += 1;
  return [...notices, { key: noticeCounter, kind, questionId, text }].slice(-MAX_NOTICES);
}

/**
 * A stream message as a queue event, or null for anything else (keep-alives,
 * events of a newer server this page does not know, malformed data).
 */
export function readQueueEvent(message: ServerSentEvent): QueueEvent | null {
  const id = message.id === null ? Number.NaN : Number(message.id);
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(message.data);
    if (typeof parsed !== 'object' || parsed === null) return null;
    data = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!Number.isInteger(id)) return null;
  switch (message.event) {
    case 'snapshot':
      if (!Array.isArray(data.questions) || !isObject(data.settings)) return null;
      return {
        type: 'snapshot',
        id,
        questions: data.questions as QuestionView[],
        settings: data.settings as unknown as QaSettings,
        ...(Array.isArray(data.polls) ? { polls: data.polls as PollView[] } : {}),
        ...(isObject(data.myPollAnswers)
          ? { myPollAnswers: data.myPollAnswers as Record<string, number[]> }
          : {}),
      };
    case 'poll':
      if (!isObject(data.poll) || typeof data.poll.id !== 'string') return null;
      return { type: 'poll', id, poll: data.poll as unknown as PollView };
    case 'question':
      if (!isObject(data.question) || typeof data.question.id !== 'string') return null;
      return {
        type: 'question',
        id,
        kind: data.kind as QuestionChangeKind,
        question: data.question as unknown as QuestionView,
        ...(typeof data.myVote === 'boolean' ? { myVote: data.myVote } : {}),
      };
    case 'remove':
      if (typeof data.id !== 'string') return null;
      return { type: 'remove', id, questionId: data.id };
    case 'settings':
      if (!isObject(data.settings)) return null;
      return { type: 'settings', id, settings: data.settings as unknown as QaSettings };
    default:
      return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The viewer's questions in the one shared order (pinned, then by votes or by time; see compareQuestions). */
export function orderQueue(state: QueueState, sort: QuestionSort): QuestionView[] {
  return sortQuestions([...state.questions.values()], sort);
}
