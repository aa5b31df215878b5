import { ApiError, isAccessError, readErrorBody } from '../shared/api-error.ts';
import { createSseParser, type ServerSentEvent } from './sse-parser.ts';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting';

export interface FollowEventStreamOptions {
  url: string;
  /** Sent on every connection: the link token travels here, never in the address. */
  headers: Record<string, string>;
  /** The id of the last change applied, read afresh before each connection. */
  lastEventId: () => string | null;
  onMessage: (message: ServerSentEvent) => void;
  onStatus?: (status: StreamStatus, error: ApiError | null) => void;
  signal: AbortSignal;
  fetch?: typeof fetch;
  /** The wait before the first reconnection; doubled on each failure in a row, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A connection silent this long (no data, no keep-alive comment) is taken as dead. */
  idleTimeoutMs?: number;
}

/**
 * Follows a text/event-stream over fetch() rather than EventSource, because
 * EventSource cannot send an Authorization header. On every (re)connection it
 * sends `Last-Event-ID` with the last change applied, so the server replays what
 * was missed and nothing twice. It reconnects until the signal aborts, waiting
 * longer after each failure in a row; an answer of 401, 403 or 404 ends it, since
 * asking again would get the same answer.
 *
 * @returns when the signal aborts; rejects with the ApiError that ended it.
 */
export async function followEventStream(options: FollowEventStreamOptions): Promise<void> {
  const {
    signal,
    baseDelayMs = 1000,
    maxDelayMs = 15_000,
    idleTimeoutMs = 45_000,
    fetch: fetchFn = globalThis.fetch.bind(globalThis),
  } = options;
  let failures = 0;
  let serverRetry: number | null = null;
  let first = true;
  while (!signal.aborted) {
    options.onStatus?.(first ? 'connecting' : 'reconnecting', null);
    first = false;
    let opened = false;
    try {
      opened = await readOnce(options, fetchFn, idleTimeoutMs, (retry) => {
        serverRetry = retry;
      });
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && isAccessError(error)) throw error;
      options.onStatus?.('reconnecting', error instanceof ApiError ? error : null);
    }
    if (signal.aborted) return;
    failures = opened ? 0 : failures + 1;
    const delay = Math.min(maxDelayMs, (serverRetry ?? baseDelayMs) * 2 ** failures);
    await sleep(delay, signal);
  }
}

/** One connection, read to its end. True when it opened (so the next wait starts short again). */
async function readOnce(
  options: FollowEventStreamOptions,
  fetchFn: typeof fetch,
  idleTimeoutMs: number,
  onRetry: (ms: number) => void,
): Promise<boolean> {
  const connection = new AbortController();
  const stop = () => connection.abort();
  options.signal.addEventListener('abort', stop);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const resetIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(stop, idleTimeoutMs);
  };
  try {
    const lastEventId = options.lastEventId();
    let response: Response;
    try {
      response = await fetchFn(options.url, {
        headers: {
          accept: 'text/event-stream',
          ...(lastEventId !== null ? { 'last-event-id': lastEventId } : {}),
          ...options.headers,
        },
        cache: 'no-store',
        signal: connection.signal,
      });
    } catch {
      throw new ApiError(null, 'network', `No answer from ${options.url}`);
    }
    if (!response.ok) {
      const error = readErrorBody(await response.json().catch(() => null));
      throw new ApiError(
        response.status,
        error?.code ?? 'http_error',
        error?.message ?? `${options.url} answered ${response.status}`,
      );
    }
    if (!response.body) throw new ApiError(response.status, 'bad_response', 'The stream has no body');
    options.onStatus?.('open', null);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = createSseParser();
    resetIdle();
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (done) break;
      resetIdle();
      for (const message of parser.push(value)) {
        if (message.retry !== null) onRetry(message.retry);
        options.onMessage(message);
      }
    }
    return true;
  } finally {
    clearTimeout(idle);
    options.signal.removeEventListener('abort', stop);
    connection.abort();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
