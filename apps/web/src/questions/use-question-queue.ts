import type { PollView, QaSettings, QuestionSort, QuestionView } from '@folkemote/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { authHeaders } from '../room/room-api.ts';
import type { ApiError } from '../shared/api-error.ts';
import type { StreamStatus } from './follow-event-stream.ts';
import { followQuestionQueue } from './follow-question-queue.ts';
import type { QaAuth } from './link-token.ts';
import {
  emptyQueue,
  orderQueue,
  type QueueEvent,
  type QueueNotice,
  type QueueState,
} from './question-queue.ts';
import { fetchQuestions, questionsPath } from './questions-api.ts';

export interface QuestionQueue {
  /** Loading until the first list (from the request or the stream) is in. */
  status: 'loading' | 'ready';
  /** The questions in the one shared order for `sort`. */
  questions: QuestionView[];
  /** The order in use: the one asked for, else the event's default. */
  sort: QuestionSort;
  settings: QaSettings | null;
  connection: StreamStatus;
  /** The last failure: the list request, or the stream refused for good (`fatal`). */
  error: { error: ApiError; fatal: boolean } | null;
  notices: readonly QueueNotice[];
  /** Applies the answer to the viewer's own request at once; the stream confirms it moments later. */
  applyLocal: (question: QuestionView) => void;
  applyLocalSettings: (settings: QaSettings) => void;
  /** The polls the viewer may see, in the order they were prepared, and the viewer's own answers. */
  polls: PollView[];
  myPollAnswers: ReadonlyMap<string, readonly number[]>;
  applyLocalPoll: (poll: PollView, choices?: number[]) => void;
}

/**
 * An event's questions for one viewer, kept live: loads the list, then follows
 * the change stream (over fetch, so the link token goes in a header), resuming
 * from the last change applied after every reconnection.
 *
 * @example
 * const queue = useQuestionQueue(slug, auth, null); // the event's default order
 * queue.questions.map((q) => <QuestionItem key={q.id} question={q} />)
 */
export function useQuestionQueue(slug: string, auth: QaAuth, chosenSort: QuestionSort | null): QuestionQueue {
  const [state, setState] = useState<QueueState>(emptyQueue);
  const [connection, setConnection] = useState<StreamStatus>('connecting');
  const [error, setError] = useState<QuestionQueue['error']>(null);
  const dispatchRef = useRef<(event: QueueEvent) => void>(() => {});
  // A new auth object with the same token must not restart the stream.
  const token = auth.kind === 'token' ? auth.token : null;

  useEffect(() => {
    const controller = new AbortController();
    const current: QaAuth = token === null ? { kind: 'session' } : { kind: 'token', token };
    setState(emptyQueue);
    setError(null);
    dispatchRef.current = followQuestionQueue({
      load: (signal) => fetchQuestions(slug, current, signal),
      streamUrl: questionsPath(slug),
      headers: authHeaders(current),
      onState: (next) => {
        setState(next);
        setError((e) => (e && !e.fatal ? null : e));
      },
      onStatus: (status) => setConnection(status),
      onError: (failure, fatal) => setError({ error: failure, fatal }),
      signal: controller.signal,
    });
    return () => controller.abort();
  }, [slug, token]);

  const applyLocal = useCallback(
    (question: QuestionView) => dispatchRef.current({ type: 'local', question }),
    [],
  );
  const applyLocalSettings = useCallback(
    (settings: QaSettings) => dispatchRef.current({ type: 'localSettings', settings }),
    [],
  );
  const applyLocalPoll = useCallback(
    (poll: PollView, choices?: number[]) =>
      dispatchRef.current(choices ? { type: 'localPoll', poll, choices } : { type: 'localPoll', poll }),
    [],
  );
  const polls = useMemo(() => [...state.polls.values()], [state.polls]);
  const sort = chosenSort ?? state.settings?.sort ?? 'popular';
  const questions = useMemo(() => orderQueue(state, sort), [state, sort]);
  return {
    status: state.lastEventId === null ? 'loading' : 'ready',
    questions,
    sort,
    settings: state.settings,
    connection,
    error,
    notices: state.notices,
    applyLocal,
    applyLocalSettings,
    polls,
    myPollAnswers: state.myPollAnswers,
    applyLocalPoll,
  };
}
