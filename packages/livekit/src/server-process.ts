import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freeTcpPort, freeUdpPort } from './free-port.ts';
import { type PrivateRedis, startPrivateRedis } from './private-redis.ts';
import { type LiveKitServerBinary, liveKitServerBinary, liveKitServerVersion } from './server-binary.ts';
import type { LiveKitCredentials } from './settings.ts';

/** The media ports: ICE over TCP on one port, and UDP on one port for all or a range (one per connection). */
export interface LiveKitRtcPorts {
  tcpPort: number;
  udp: number | { start: number; end: number };
}

export interface LiveKitServerOptions extends LiveKitCredentials {
  /** Default: what liveKitServerBinary() finds. */
  binary?: string;
  /** Signalling and server API port; 0 or unset picks a free one. */
  port?: number;
  /** Default 127.0.0.1: nothing outside this machine reaches it. */
  host?: string;
  /** Where LiveKit sends its webhooks, signed with apiKey. */
  webhookUrls?: string[];
  /** Unset: a free TCP port and a single free UDP port. */
  rtc?: LiveKitRtcPorts;
  /** The address ICE candidates name; 127.0.0.1 lets browsers on this machine connect. */
  nodeIp?: string;
  /**
   * LiveKit keeps egress state in Redis, and answers Egress calls without one with "egress not
   * connected (redis required)". 'private' starts a redis-server for this server alone; an
   * address (host:port) must be one no other LiveKit uses, or the servers form a cluster and pass
   * rooms to each other. Unset: no Redis (a single node without the Egress API).
   */
  redis?: 'private' | { address: string };
  /** Let a room be made by the first join, as LiveKit does by default (infra sets it off). */
  autoCreateRooms?: boolean;
  /** 'inherit' shows the server's log; by default it is kept and only its tail shown when start-up fails. */
  output?: 'inherit' | 'keep-tail';
  /** How long to wait for the server to answer (default 30 s). */
  startTimeoutMs?: number;
}

export interface LiveKitServer {
  /** What clients dial: ws://host:port. */
  url: string;
  /** The server API base: http://host:port. */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  version: string;
  port: number;
  rtc: LiveKitRtcPorts;
  /** The child process, for callers that supervise it. */
  process: ChildProcess;
  /** The server's last log lines (none when its output is inherited), e.g. to say why it stopped. */
  recentOutput(): string[];
  stop(): Promise<void>;
}

const LOG_TAIL_LINES = 40;
const START_ATTEMPTS = 3;

/**
 * Starts the real LiveKit server with a generated configuration and resolves once its server API
 * answers. Free ports are chosen just before the start, so another process may take one first:
 * the start is then tried again on new ports.
 */
export async function startLiveKitServer(options: LiveKitServerOptions): Promise<LiveKitServer> {
  const found = options.binary ? givenBinary(options.binary) : liveKitServerBinary();
  if (!found.path) throw new Error(found.reason);
  const redis: PrivateRedis | undefined = options.redis === 'private' ? await startPrivateRedis() : undefined;
  const redisAddress = redis?.address ?? (options.redis === 'private' ? undefined : options.redis?.address);
  try {
    const server = await startOnFreePorts(found.path, found.version, { ...options, redisAddress });
    if (!redis) return server;
    return {
      ...server,
      async stop() {
        await server.stop();
        await redis.stop();
      },
    };
  } catch (error) {
    await redis?.stop();
    throw error;
  }
}

async function startOnFreePorts(binary: string, version: string, options: ResolvedOptions) {
  let lastError: unknown;
  const fixedPorts = Boolean(options.port) && options.rtc !== undefined;
  for (let attempt = 1; attempt <= (fixedPorts ? 1 : START_ATTEMPTS); attempt++) {
    try {
      return await startOnce(binary, version, options);
    } catch (error) {
      lastError = error;
      if (!(error instanceof PortTaken)) throw error;
    }
  }
  throw lastError;
}

type ResolvedOptions = Omit<LiveKitServerOptions, 'redis'> & { redisAddress: string | undefined };

class PortTaken extends Error {}

function givenBinary(binary: string): LiveKitServerBinary {
  const version = liveKitServerVersion(binary);
  return version
    ? { path: binary, version }
    : { path: undefined, reason: `${binary} --version does not run` };
}

async function startOnce(binary: string, version: string, options: ResolvedOptions): Promise<LiveKitServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freeTcpPort(host));
  const rtc = options.rtc ?? { tcpPort: await freeTcpPort('0.0.0.0'), udp: await freeUdpPort() };
  const dir = await mkdtemp(path.join(tmpdir(), 'livekit-server-'));
  const configFile = path.join(dir, 'livekit.yaml');
  // JSON is YAML too; the file keeps the secret off the command line.
  await writeFile(configFile, JSON.stringify(liveKitServerConfig({ ...options, host, port, rtc })), {
    mode: 0o600,
  });
  const output = options.output === 'inherit' ? 'inherit' : 'pipe';
  const child = spawn(binary, ['--config', configFile], { stdio: ['ignore', output, output] });
  const tail = keepTail(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const cleanUp = () => rm(dir, { recursive: true, force: true });

  const httpUrl = `http://${host}:${port}`;
  const stop = async () => {
    await stopProcess(child, exited);
    await cleanUp();
  };
  try {
    await waitUntilAnswering(httpUrl, exited, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    const log = tail().join('\n');
    const taken = tail().find((line) => line.includes('address already in use'));
    if (taken) throw new PortTaken(`livekit-server did not start: ${taken.trim()}`);
    throw new Error(`livekit-server did not start: ${(error as Error).message}\n${log}`);
  }
  return {
    url: httpUrl.replace(/^http/, 'ws'),
    httpUrl,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    version,
    port,
    rtc,
    process: child,
    recentOutput: () => [...tail()],
    stop,
  };
}

/** LiveKit's configuration file for one local server (see docs/livekit.md). */
export function liveKitServerConfig(
  options: Omit<LiveKitServerOptions, 'redis'> & {
    host: string;
    port: number;
    rtc: LiveKitRtcPorts;
    redisAddress?: string | undefined;
  },
): Record<string, unknown> {
  const { udp } = options.rtc;
  const udpPorts =
    typeof udp === 'number' ? { udp_port: udp } : { port_range_start: udp.start, port_range_end: udp.end };
  return {
    port: options.port,
    bind_addresses: [options.host],
    keys: { [options.apiKey]: options.apiSecret },
    rtc: {
      tcp_port: options.rtc.tcpPort,
      ...udpPorts,
      node_ip: options.nodeIp ?? '127.0.0.1',
      use_external_ip: false,
      // Candidates on the loopback interface, so a browser or client on this machine connects.
      enable_loopback_candidate: true,
    },
    room: { auto_create: options.autoCreateRooms ?? true },
    ...(options.redisAddress ? { redis: { address: options.redisAddress } } : {}),
    ...(options.webhookUrls?.length
      ? { webhook: { api_key: options.apiKey, urls: options.webhookUrls } }
      : {}),
    logging: { level: 'info' },
  };
}

/**
 * LiveKit ignores a SIGTERM that comes within 100 ms of its start (it is not yet "running") and
 * waits for participants to leave on the first one; the second is a forced stop. A server that
 * takes neither is killed.
 */
async function stopProcess(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  const steps: Array<[NodeJS.Signals, number]> = [
    ['SIGTERM', 1_000],
    ['SIGTERM', 5_000],
    ['SIGKILL', 0],
  ];
  for (const [signal, waitMs] of steps) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise((resolve) => {
      timer = setTimeout(resolve, waitMs);
    });
    await Promise.race([exited, signal === 'SIGKILL' ? exited : waited]);
    clearTimeout(timer);
  }
}

function keepTail(child: ChildProcess): () => string[] {
  const lines: string[] = [];
  const keep = (chunk: string) => {
    lines.push(...chunk.split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - LOG_TAIL_LINES));
  };
  // Read both streams even when nobody looks, or a full pipe would block the server.
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  return () => lines;
}

async function waitUntilAnswering(
  httpUrl: string,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => {
    gone = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`it exited with code ${gone}`);
    const answered = await fetch(httpUrl, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer at ${httpUrl} within ${timeoutMs} ms`);
}
