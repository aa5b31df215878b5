import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api-error.ts';
import { followEventStream } from './follow-event-stream.ts';

/** A fetch that answers each call with the next scripted body (or status), and records the requests. */
function scriptedFetch(answers: (string[] | number)[]) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    const answer = answers.shift();
    if (answer === undefined) {
      // No more script: a connection that stays open until aborted.
      return new Response(
        new ReadableStream({
          start(controller) {
            init.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
          },
        }),
      );
    }
    if (typeof answer === 'number')
      return new Response(JSON.stringify({ error: { code: 'nope', message: 'No' } }), { status: answer });
    const encoder = new TextEncoder();
    return new Response(
      new ReadableStream({
        start(controller) {
          for (const chunk of answer) controller.enqueue(encoder.encode(chunk));
          controller.close();
        },
      }),
    );
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

describe('followEventStream', () => {
  it('reconnects after the stream ends, sending the last applied id and the auth header', async () => {
    const { calls, fetchFn } = scriptedFetch([
      ['id: 4\ndata: a\n\nid: 5\nda', 'ta: b\n\n'],
      ['id: 6\ndata: c\n\n'],
    ]);
    const controller = new AbortController();
    let applied: string | null = '3';
    const seen: string[] = [];
    const done = followEventStream({
      url: '/api/events/x/questions',
      headers: { authorization: 'Bearer t' },
      lastEventId: () => applied,
      onMessage: (m) => {
        seen.push(m.data);
        applied = m.id;
        if (m.id === '6') controller.abort();
      },
      signal: controller.signal,
      fetch: fetchFn,
      baseDelayMs: 1,
    });
    await done;
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(calls.map((c) => c.headers['last-event-id'])).toEqual(['3', '5']);
    expect(calls[0]!.headers.authorization).toBe('Bearer t');
    expect(calls[0]!.headers.accept).toBe('text/event-stream');
  });

  it('keeps trying through server errors and stops for good on 403', async () => {
    const { calls, fetchFn } = scriptedFetch([503, 502, 403]);
    const statuses: string[] = [];
    await expect(
      followEventStream({
        url: '/s',
        headers: {},
        lastEventId: () => null,
        onMessage: () => {},
        onStatus: (s) => statuses.push(s),
        signal: new AbortController().signal,
        fetch: fetchFn,
        baseDelayMs: 1,
      }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(calls).toHaveLength(3);
    expect(calls[0]!.headers['last-event-id']).toBeUndefined();
    expect(statuses[0]).toBe('connecting');
    expect(statuses).toContain('reconnecting');
  });

  it('ends quietly when aborted while connected', async () => {
    const { fetchFn } = scriptedFetch([]);
    const controller = new AbortController();
    const statuses: string[] = [];
    const done = followEventStream({
      url: '/s',
      headers: {},
      lastEventId: () => '9',
      onMessage: () => {},
      onStatus: (s) => {
        statuses.push(s);
        if (s === 'open') controller.abort();
      },
      signal: controller.signal,
      fetch: fetchFn,
    });
    await expect(done).resolves.toBeUndefined();
    expect(statuses).toEqual(['connecting', 'open']);
  });

  it('takes a silent connection as dead and connects again', async () => {
    const { calls, fetchFn } = scriptedFetch([]);
    const controller = new AbortController();
    let opens = 0;
    await followEventStream({
      url: '/s',
      headers: {},
      lastEventId: () => '1',
      onMessage: () => {},
      onStatus: (s) => {
        if (s === 'open' && ++opens === 2) controller.abort();
      },
      signal: controller.signal,
      fetch: fetchFn,
      baseDelayMs: 1,
      idleTimeoutMs: 20,
    });
    expect(calls).toHaveLength(2);
  });
});
