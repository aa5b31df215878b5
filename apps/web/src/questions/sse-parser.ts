/** One message of a text/event-stream, as the HTML standard's parser dispatches it. */
export interface ServerSentEvent {
  /** The `id:` field, or null when the message carried none. */
  id: string | null;
  /** The `event:` field, `message` when absent. */
  event: string;
  data: string;
  /** A `retry:` field seen with this message, in milliseconds. */
  retry: number | null;
}

/**
 * An incremental parser for text/event-stream, fed whatever chunks the network
 * delivers: lines may be split anywhere, even between a CR and its LF. It follows
 * the standard's rules (comments ignored, one leading space stripped, data lines
 * joined with newlines, a message without data not dispatched).
 *
 * @example
 * const parser = createSseParser();
 * for (const message of parser.push(chunk)) apply(message);
 */
export function createSseParser(): { push: (chunk: string) => ServerSentEvent[] } {
  let buffer = '';
  let pendingCr = false;
  let id: string | null = null;
  let event = '';
  let data: string[] = [];
  let retry: number | null = null;

  const takeLine = (line: string, out: ServerSentEvent[]) => {
    if (line === '') {
      if (data.length > 0) out.push({ id, event: event || 'message', data: data.join('\n'), retry });
      id = null;
      event = '';
      data = [];
      retry = null;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  };

  return {
    push(chunk) {
      const out: ServerSentEvent[] = [];
      let text = chunk;
      // A CR at the end of the last chunk already ended its line; a LF right after it belongs to it.
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        takeLine(buffer.slice(start, i), out);
        if (c === '\r') {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
  };
}
