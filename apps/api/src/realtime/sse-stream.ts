import type { Socket } from 'node:net';
import { openEventStreams } from '@folkemote/metrics';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A frame as sent: encoded once and written as the same bytes to every viewer it is for. */
export type SseFrame = Buffer;

export function sseFrame(id: number | null, event: string, data: string): SseFrame {
  return Buffer.from(`${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`);
}

/**
 * One open text/event-stream response, written straight to its socket: one
 * write per frame instead of the HTTP layer's chunk framing, which matters when
 * one frame goes to thousands of viewers. It holds the socket and nothing else.
 */
export class SseStream {
  closed = false;
  constructor(
    readonly socket: Socket,
    private readonly maxBufferedBytes: number,
  ) {}

  /**
   * Writes a frame. A viewer whose socket cannot take more than the limit is cut
   * off rather than buffered for without end: it reconnects with Last-Event-ID
   * and catches up from the database.
   */
  send(frame: SseFrame): boolean {
    if (this.closed) return false;
    if (this.socket.writableLength > this.maxBufferedBytes) {
      this.closed = true;
      this.socket.destroy();
      return false;
    }
    this.socket.write(frame);
    return true;
  }

  /** Ends the stream once what is written has gone out. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroySoon();
  }
}

export interface SseHub {
  /** Takes over the request's response as an event stream; `onClose` runs once when it ends, from either side. */
  open(request: FastifyRequest, reply: FastifyReply, onClose: (stream: SseStream) => void): SseStream;
}

const HEARTBEAT = Buffer.from(': keep-alive\n\n');
const HEARTBEAT_MS = 15_000;
/** A viewer whose socket holds more than this unsent is cut off (it reconnects and catches up). */
const MAX_BUFFERED_BYTES = 256 * 1024;
/** How long a client waits before reconnecting, as the stream tells it. */
const RETRY_MS = 2000;
/**
 * Closing, the server tells each viewer to come back after a wait drawn from this range: long
 * enough for this server to have stopped listening (so a proxy sends the viewer to another
 * instance), spread so that thousands of viewers do not all arrive at that instance at once.
 */
const RECONNECT_AFTER_MS = { min: 500, spread: 2000 };

/**
 * The last frame of a stream whose server is stopping: an event the viewer may show ("reconnecting")
 * and the wait before it reconnects, with Last-Event-ID, to whichever instance answers then.
 */
export function reconnectFrame(retryMs: number): SseFrame {
  return Buffer.from(`event: reconnect\ndata: {"reason":"server_stopping"}\nretry: ${retryMs}\n\n`);
}

/**
 * The event streams of one server: one timer sends every stream a comment now
 * and then (proxies and clients drop silent connections), and closing the
 * server ends them all first, so close() does not wait on viewers.
 */
export function createSseHub(random: () => number = Math.random): SseHub & { tellAllToReconnect(): void } {
  const streams = new Set<SseStream>();
  const head = Buffer.from(
    'HTTP/1.1 200 OK\r\n' +
      'Content-Type: text/event-stream; charset=utf-8\r\n' +
      'Cache-Control: no-store\r\n' +
      // Tells nginx-style proxies not to hold the stream back in a buffer.
      'X-Accel-Buffering: no\r\n' +
      'Connection: close\r\n\r\n' +
      `retry: ${RETRY_MS}\n: stream open\n\n`,
  );
  let timer: NodeJS.Timeout | null = null;
  const startTimer = () => {
    if (timer) return;
    timer = setInterval(() => {
      for (const stream of streams) stream.send(HEARTBEAT);
    }, HEARTBEAT_MS);
    timer.unref();
  };
  return {
    open(request, reply, onClose) {
      reply.hijack();
      const socket = request.raw.socket;
      const stream = new SseStream(socket, MAX_BUFFERED_BYTES);
      if (socket.destroyed) {
        // The viewer left while the request was being answered: its close has already been and gone.
        stream.closed = true;
        queueMicrotask(() => onClose(stream));
        return stream;
      }
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 30_000);
      // The body ends when the connection does (no length, no chunks): every HTTP/1.1 client reads that.
      socket.write(head);
      streams.add(stream);
      openEventStreams.inc();
      startTimer();
      socket.once('close', () => {
        stream.closed = true;
        streams.delete(stream);
        openEventStreams.dec();
        if (streams.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
        onClose(stream);
      });
      return stream;
    },
    tellAllToReconnect() {
      for (const stream of streams) {
        const retryMs = RECONNECT_AFTER_MS.min + Math.floor(random() * RECONNECT_AFTER_MS.spread);
        stream.send(reconnectFrame(retryMs));
        stream.close();
      }
    },
  };
}

const hubs = new WeakMap<FastifyInstance, ReturnType<typeof createSseHub>>();

/**
 * The server's event streams. Before the server closes, each viewer is told to reconnect (a
 * rolling restart: another instance takes it up from its Last-Event-ID) and its stream ended.
 */
export function sseHubFor(app: FastifyInstance): SseHub {
  let hub = hubs.get(app);
  if (!hub) {
    const created = createSseHub();
    hubs.set(app, created);
    app.addHook('preClose', async () => created.tellAllToReconnect());
    hub = created;
  }
  return hub;
}
