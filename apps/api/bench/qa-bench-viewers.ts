/**
 * A share of the streaming viewers of `pnpm bench:qa`, in a process of its own
 * so that thousands of sockets and their parsing do not share the API's event
 * loop or the writer's. Each viewer follows GET …/questions as an event stream
 * with its own personal link and checks, for every change number, that it
 * arrives exactly once and in order. Receipt times are matched with the write
 * times the parent sends, so latency is from the write request to each receipt.
 */
import net from 'node:net';

export type ViewerCommand =
  | { type: 'open'; url: string; slug: string; tokens: string[]; concurrency: number }
  | { type: 'measure'; fromSeq: number }
  | { type: 'sent'; seq: number; at: number }
  | { type: 'finish'; firstSeq: number; lastSeq: number; timeoutMs: number }
  | { type: 'close' };

export type ViewerReport =
  | { type: 'ready' }
  | { type: 'opened'; open: number; failed: number; ms: number }
  | {
      type: 'result';
      latencies: Float64Array;
      /** Per change: [seq, first receipt, last receipt] in this process. */
      spread: Array<[number, number, number]>;
      cpuMs: number;
      lost: number;
      duplicated: number;
      complete: number;
      viewers: number;
      disconnected: number;
    };

const now = () => performance.timeOrigin + performance.now();

interface Viewer {
  last: number;
  lost: number;
  duplicated: number;
  /** The response head until it is complete; then the start of an unfinished frame. */
  carry: Buffer;
  headDone: boolean;
  closed: boolean;
  socket: net.Socket;
}

const viewers: Viewer[] = [];
const sentAt = new Map<number, number>();
/** Receipts of changes whose write time has not arrived yet. */
const waiting = new Map<number, number[]>();
let latencies = new Float64Array(1 << 16);
let latencyCount = 0;
let measureFrom = Number.POSITIVE_INFINITY;
let onProgress: (() => void) | null = null;

function recordLatency(ms: number) {
  if (latencyCount === latencies.length) {
    const bigger = new Float64Array(latencies.length * 2);
    bigger.set(latencies);
    latencies = bigger;
  }
  latencies[latencyCount++] = ms;
}

/** The first and last receipt of each change in this process: how long its fan-out took here. */
const firstReceipt = new Map<number, number>();
const lastReceipt = new Map<number, number>();

function receive(viewer: Viewer, seq: number, at: number) {
  if (!firstReceipt.has(seq)) firstReceipt.set(seq, at);
  lastReceipt.set(seq, at);
  if (seq <= viewer.last) viewer.duplicated++;
  else {
    if (seq > viewer.last + 1) viewer.lost += seq - viewer.last - 1;
    viewer.last = seq;
  }
  if (seq < measureFrom) return;
  const sent = sentAt.get(seq);
  if (sent !== undefined) recordLatency(at - sent);
  else {
    const list = waiting.get(seq);
    if (list) list.push(at);
    else waiting.set(seq, [at]);
  }
}

const EMPTY = Buffer.alloc(0);
const ID = Buffer.from('id: ');
const FRAME_END = Buffer.from('\n\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const EVENT_AT = 'event: '.length;

/**
 * Reads the `id:` and `event:` of every whole frame straight from the socket's
 * bytes: no HTTP client machinery and no string per chunk, so one process can
 * follow thousands of streams. The data line is not needed here.
 */
function onData(viewer: Viewer, chunk: Buffer, at: number, onSnapshot: () => void) {
  let buf = viewer.carry.length > 0 ? Buffer.concat([viewer.carry, chunk]) : chunk;
  if (!viewer.headDone) {
    const end = buf.indexOf(HEAD_END);
    if (end < 0) {
      viewer.carry = buf;
      return;
    }
    if (!buf.subarray(0, 12).toString('latin1').startsWith('HTTP/1.1 200')) {
      viewer.socket.destroy();
      return;
    }
    viewer.headDone = true;
    buf = buf.subarray(end + 4);
  }
  let pos = 0;
  for (;;) {
    const end = buf.indexOf(FRAME_END, pos);
    if (end < 0) break;
    if (buf.compare(ID, 0, 4, pos, pos + 4) === 0) {
      let seq = 0;
      let i = pos + 4;
      for (let c = buf[i]!; c >= 48 && c <= 57; c = buf[++i]!) seq = seq * 10 + (c - 48);
      // "\nevent: s…" is a snapshot; everything else with an id is one change.
      if (buf[i + 1 + EVENT_AT] === 115 && buf[i + 2 + EVENT_AT] === 110) {
        viewer.last = seq;
        onSnapshot();
      } else receive(viewer, seq, at);
    }
    pos = end + 2;
  }
  viewer.carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : EMPTY;
  if (onProgress) onProgress();
}

function openViewer(url: URL, slug: string, token: string): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    socket.setNoDelay(true);
    const viewer: Viewer = {
      last: -1,
      lost: 0,
      duplicated: 0,
      carry: EMPTY,
      headDone: false,
      closed: false,
      socket,
    };
    let ready = false;
    socket.on('connect', () => {
      socket.write(
        `GET /api/events/${slug}/questions HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\n` +
          `Authorization: Bearer ${token}\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) =>
      onData(viewer, chunk, now(), () => {
        if (!ready) {
          ready = true;
          resolve(viewer);
        }
      }),
    );
    socket.on('close', () => {
      viewer.closed = true;
      if (!ready) reject(new Error('stream closed before its snapshot'));
    });
    socket.on('error', () => {});
  });
}

async function open(command: Extract<ViewerCommand, { type: 'open' }>): Promise<ViewerReport> {
  const started = now();
  const url = new URL(command.url);
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < command.tokens.length) {
      const token = command.tokens[next++]!;
      try {
        viewers.push(await openViewer(url, command.slug, token));
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, worker));
  return { type: 'opened', open: viewers.length, failed, ms: now() - started };
}

async function finish(command: Extract<ViewerCommand, { type: 'finish' }>): Promise<ViewerReport> {
  const done = () => viewers.every((v) => v.closed || v.last >= command.lastSeq);
  if (!done()) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, command.timeoutMs);
      onProgress = () => {
        if (done()) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    onProgress = null;
  }
  let lost = 0;
  let duplicated = 0;
  let complete = 0;
  let disconnected = 0;
  for (const viewer of viewers) {
    lost += viewer.lost + Math.max(0, command.lastSeq - viewer.last);
    duplicated += viewer.duplicated;
    if (viewer.last >= command.lastSeq) complete++;
    if (viewer.closed) disconnected++;
  }
  return {
    type: 'result',
    latencies: latencies.slice(0, latencyCount),
    spread: [...firstReceipt].map(([seq, first]) => [seq, first, lastReceipt.get(seq)!]),
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    lost,
    duplicated,
    complete,
    viewers: viewers.length,
    disconnected,
  };
}

process.on('message', async (command: ViewerCommand) => {
  switch (command.type) {
    case 'open':
      process.send!(await open(command));
      break;
    case 'sent': {
      sentAt.set(command.seq, command.at);
      const list = waiting.get(command.seq);
      if (list) {
        for (const at of list) recordLatency(at - command.at);
        waiting.delete(command.seq);
      }
      break;
    }
    case 'measure':
      measureFrom = command.fromSeq;
      break;
    case 'finish':
      process.send!(await finish(command));
      break;
    case 'close':
      for (const viewer of viewers) viewer.socket.destroy();
      process.exit(0);
  }
});

process.send!({ type: 'ready' } satisfies ViewerReport);
