import { defaultQaSettings, type QuestionView } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api-error.ts';
import { followQuestionQueue } from './follow-question-queue.ts';
import type { QueueState } from './question-queue.ts';

function view(id: string, patch: Partial<QuestionView> = {}): QuestionView {
  return {
    id,
    status: 'live',
    text: `Spørsmål ${id}`,
    anonymous: false,
    author: null,
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

const frame = (id: number, event: string, data: unknown) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Each call answers with the next list of chunks and then ends; past the script, a stream that stays open. */
function streamServer(script: string[][]) {
  const lastEventIds: (string | undefined)[] = [];
  const fetchFn = (async (_url: string, init: RequestInit) => {
    lastEventIds.push((init.headers as Record<string, string>)['last-event-id']);
    const chunks = script.shift();
    const encoder = new TextEncoder();
    return new Response(
      new ReadableStream({
        start(controller) {
          if (!chunks) {
            init.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
            return;
          }
          for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
          controller.close();
        },
      }),
    );
  }) as unknown as typeof fetch;
  return { fetchFn, lastEventIds };
}

describe('followQuestionQueue', () => {
  it('loads the list, follows on from its last change and resumes after a dropped connection', async () => {
    const { fetchFn, lastEventIds } = streamServer([
      [frame(11, 'question', { kind: 'asked', question: view('b') }), frame(12, 'remove', { id: 'a' })],
      // The server replays from 12: a repeat of 12 (from a second process, say) must change nothing.
      [
        frame(12, 'remove', { id: 'a' }),
        frame(13, 'question', { kind: 'voted', question: view('b', { votes: 1 }) }),
      ],
    ]);
    const controller = new AbortController();
    const states: QueueState[] = [];
    await new Promise<void>((resolve) => {
      followQuestionQueue({
        load: async () => ({ questions: [view('a')], settings: defaultQaSettings, lastEventId: '10' }),
        streamUrl: '/api/events/x/questions',
        headers: {},
        onState: (state) => {
          states.push(state);
          if (state.lastEventId === 13) resolve();
        },
        onStatus: () => {},
        onError: () => {},
        signal: controller.signal,
        fetch: fetchFn,
        baseDelayMs: 1,
      });
    });
    controller.abort();
    expect(lastEventIds).toEqual(['10', '12']);
    expect(states.map((s) => s.lastEventId)).toEqual([10, 11, 12, 13]);
    const last = states.at(-1)!;
    expect([...last.questions.values()].map((q) => [q.id, q.votes])).toEqual([['b', 1]]);
  });

  it('starts the stream without a position when the list fails, and takes the snapshot it sends', async () => {
    const { fetchFn, lastEventIds } = streamServer([
      [frame(30, 'snapshot', { questions: [view('z')], settings: defaultQaSettings, lastEventId: 30 })],
    ]);
    const controller = new AbortController();
    const errors: ApiError[] = [];
    const state = await new Promise<QueueState>((resolve) => {
      followQuestionQueue({
        load: async () => {
          throw new ApiError(503, 'unavailable', 'down');
        },
        streamUrl: '/s',
        headers: {},
        onState: resolve,
        onStatus: () => {},
        onError: (error) => errors.push(error),
        signal: controller.signal,
        fetch: fetchFn,
        baseDelayMs: 1,
      });
    });
    controller.abort();
    expect(errors.map((e) => e.status)).toEqual([503]);
    expect(lastEventIds).toEqual([undefined]);
    expect([...state.questions.keys()]).toEqual(['z']);
  });

  it('stops when the list is refused', async () => {
    const { fetchFn, lastEventIds } = streamServer([]);
    const result = await new Promise<{ error: ApiError; fatal: boolean }>((resolve) => {
      followQuestionQueue({
        load: async () => {
          throw new ApiError(403, 'forbidden_for_role', 'No');
        },
        streamUrl: '/s',
        headers: {},
        onState: () => {},
        onStatus: () => {},
        onError: (error, fatal) => resolve({ error, fatal }),
        signal: new AbortController().signal,
        fetch: fetchFn,
      });
    });
    expect(result.fatal).toBe(true);
    expect(lastEventIds).toEqual([]);
  });
});
