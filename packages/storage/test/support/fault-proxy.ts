import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultProxyOptions {
  /** Must be a loopback address: the proxy never reaches beyond this machine. */
  target: { host: string; port: number };
  seed: number;
  /** Share of requests answered 503 without reaching the target. */
  unavailableRate: number;
  /** Share of requests whose connection is destroyed after half the body went on. */
  dropRate: number;
  /** The same method and URL fails at most this often, so a client with retries gets through. */
  maxFaultsPerRequest?: number;
  /** Faults in all. */
  maxFaults?: number;
  /** Stops by itself after this long without a request. */
  idleTimeoutMs?: number;
}

export interface FaultProxy {
  endpoint: string;
  stats: { requests: number; forwarded: number; unavailable: number; dropped: number };
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Deterministic for a seed (mulberry32), so a failing run can be replayed. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An HTTP proxy in front of a local S3-protocol server that fails a seeded share of requests. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  if (!LOOPBACK.has(options.target.host)) throw new Error('the fault proxy only targets loopback addresses');
  const random = createRandom(options.seed);
  const maxPerRequest = options.maxFaultsPerRequest ?? 2;
  const maxFaults = options.maxFaults ?? 100;
  const faultsPerRequest = new Map<string, number>();
  const stats = { requests: 0, forwarded: 0, unavailable: 0, dropped: 0 };
  const agent = new Agent({ keepAlive: true });

  const upstreamRequest = (req: IncomingMessage) => {
    const headers = { ...req.headers };
    // The proxy already answered "100 Continue" to the client; the target gets the body at once.
    delete headers.expect;
    const upstream = request({
      host: options.target.host,
      port: options.target.port,
      method: req.method,
      path: req.url,
      headers,
      agent,
    });
    return upstream;
  };

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    stats.forwarded++;
    const upstream = upstreamRequest(req);
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  };

  const answerUnavailable = (req: IncomingMessage, res: ServerResponse) => {
    stats.unavailable++;
    req.resume();
    req.on('end', () => {
      const body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>ServiceUnavailable</Code>' +
        '<Message>Fault injected by the test proxy.</Message></Error>';
      res.writeHead(503, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  };

  const drop = (req: IncomingMessage) => {
    stats.dropped++;
    const upstream = upstreamRequest(req);
    upstream.on('error', () => {});
    upstream.flushHeaders();
    const declared = Number(req.headers['content-length'] ?? 0);
    const half = Math.ceil(declared / 2);
    let sent = 0;
    let cut = false;
    const cutOff = () => {
      if (cut) return;
      cut = true;
      upstream.destroy();
      req.socket.destroy();
    };
    if (declared === 0) {
      setImmediate(cutOff);
      return;
    }
    req.on('data', (chunk: Buffer) => {
      if (cut) return;
      const room = half - sent;
      if (room > 0) {
        upstream.write(chunk.subarray(0, room));
        sent += Math.min(room, chunk.length);
      }
      if (sent >= half) setImmediate(cutOff);
    });
    req.on('end', cutOff);
  };

  let idleTimer: NodeJS.Timeout | undefined;
  const server = createServer((req, res) => {
    stats.requests++;
    armIdleTimer();
    const id = `${req.method} ${req.url}`;
    const roll = random();
    const faultsSoFar = faultsPerRequest.get(id) ?? 0;
    const mayFail = faultsSoFar < maxPerRequest && stats.unavailable + stats.dropped < maxFaults;
    if (mayFail && roll < options.unavailableRate) {
      faultsPerRequest.set(id, faultsSoFar + 1);
      answerUnavailable(req, res);
    } else if (mayFail && roll < options.unavailableRate + options.dropRate) {
      faultsPerRequest.set(id, faultsSoFar + 1);
      drop(req);
    } else {
      forward(req, res);
    }
  });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(idleTimer);
      server.close(() => resolve());
      server.closeAllConnections();
      agent.destroy();
    });
    return closing;
  };
  const armIdleTimer = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void close(), options.idleTimeoutMs ?? 60_000);
    idleTimer.unref();
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  armIdleTimer();
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, stats, close };
}
