/** One Server-Sent Event as received. */
export interface ReceivedEvent {
  id: string | null;
  event: string;
  data: string;
}

export interface SseClient {
  events: ReceivedEvent[];
  /** Everything received, as raw text (to check what never reached a viewer). */
  raw(): string;
  status: number;
  headers: Headers;
  /** Settles when the stream has ended, whichever side ended it. */
  ended: Promise<void>;
  waitFor(predicate: (events: ReceivedEvent[]) => boolean, timeoutMs?: number): Promise<ReceivedEvent[]>;
  close(): Promise<void>;
}

/** Follows a text/event-stream over fetch, as the web app does, and keeps every event. */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: ReceivedEvent[] = [];
  let rawText = '';
  const waiters = new Set<() => void>();
  let ended = false;
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        const text = decoder.decode(chunk as Uint8Array, { stream: true });
        rawText += text;
        buffer += text;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':') || !line.includes(':')) continue;
            const at = line.indexOf(':');
            fields[line.slice(0, at)] = line.slice(at + 1).replace(/^ /, '');
          }
          if (fields.data !== undefined)
            events.push({ id: fields.id ?? null, event: fields.event ?? 'message', data: fields.data });
          for (const wake of waiters) wake();
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      ended = true;
      for (const wake of waiters) wake();
    }
  })();
  return {
    events,
    status: response.status,
    headers: response.headers,
    ended: reading,
    raw: () => rawText,
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(events)) {
        if (ended)
          throw new Error(`The stream ended before the expected events; got ${JSON.stringify(events)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Timed out waiting for events; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
      return events;
    },
    async close() {
      controller.abort();
      await reading;
    },
  };
}

/** The data of an event, parsed. */
export function dataOf<T = Record<string, unknown>>(event: ReceivedEvent): T {
  return JSON.parse(event.data) as T;
}
