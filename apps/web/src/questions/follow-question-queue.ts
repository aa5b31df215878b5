import { type ApiError, isAccessError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { followEventStream, type StreamStatus } from './follow-event-stream.ts';
import {
  applyQueueEvent,
  emptyQueue,
  type QueueEvent,
  type QueueState,
  readQueueEvent,
} from './question-queue.ts';
import type { QuestionList } from './questions-api.ts';

export interface FollowQuestionQueueOptions {
  /** The list request; its `lastEventId` is where the stream takes over. */
  load: (signal: AbortSignal) => Promise<QuestionList>;
  streamUrl: string;
  headers: Record<string, string>;
  onState: (state: QueueState) => void;
  onStatus: (status: StreamStatus, error: ApiError | null) => void;
  /** The list could not be had, or the stream was refused for good (401, 403, 404). */
  onError: (error: ApiError, fatal: boolean) => void;
  signal: AbortSignal;
  fetch?: typeof fetch;
  baseDelayMs?: number;
}

/**
 * Loads an event's questions, then follows its change stream from the list's
 * last change, keeping one state that every change goes through in order
 * (applyQueueEvent). Each reconnection resumes from the last change applied, so
 * nothing is lost or applied twice. A list that cannot be loaded is not the end:
 * the stream starts without a position, and the server sends the whole list first.
 *
 * @returns `dispatch`, for the answers to the viewer's own requests.
 */
export function followQuestionQueue(options: FollowQuestionQueueOptions): (event: QueueEvent) => void {
  let state = emptyQueue;
  const dispatch = (event: QueueEvent) => {
    if (options.signal.aborted) return;
    const next = applyQueueEvent(state, event);
    if (next === state) return;
    state = next;
    options.onState(state);
  };

  void (async () => {
    try {
      const list = await options.load(options.signal);
      const id = list.lastEventId === null ? 0 : Number(list.lastEventId);
      dispatch({
        type: 'snapshot',
        id,
        questions: list.questions,
        settings: list.settings,
        polls: list.polls,
        myPollAnswers: list.myPollAnswers,
      });
    } catch (error) {
      if (options.signal.aborted) return;
      const apiError = toApiError(error);
      const fatal = isAccessError(apiError);
      options.onError(apiError, fatal);
      if (fatal) return;
    }
    try {
      await followEventStream({
        url: options.streamUrl,
        headers: options.headers,
        lastEventId: () => (state.lastEventId === null ? null : String(state.lastEventId)),
        onMessage: (message) => {
          const event = readQueueEvent(message);
          if (event) dispatch(event);
        },
        onStatus: options.onStatus,
        signal: options.signal,
        fetch: options.fetch,
        baseDelayMs: options.baseDelayMs,
      });
    } catch (error) {
      if (!options.signal.aborted) options.onError(toApiError(error), true);
    }
  })();

  return dispatch;
}
