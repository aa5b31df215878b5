import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freeTcpPort, freeUdpPort } from './free-port.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Where LiveKit's server binary is: LIVEKIT_SERVER_BIN, the bootstrap's `.tools/bin`, or
 * `livekit-server` on the PATH; null when there is none.
 */
export function findLiveKitServerBinary(): string | null {
  const candidates = [
    process.env.LIVEKIT_SERVER_BIN,
    `${repoRoot}.tools/bin/livekit-server`,
    'livekit-server',
  ].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    if (candidate.includes('/') && !existsSync(candidate)) continue;
    if (spawnSync(candidate, ['--version']).status === 0) return candidate;
  }
  return null;
}

export interface LiveKitServerOptions {
  binary: string;
  /** Where LiveKit posts its webhooks (signed with the API key). */
  webhookUrls: string[];
}

export interface RealLiveKitServer {
  /** What browsers and LIVEKIT_URL dial: `ws://127.0.0.1:<port>`. */
  url: string;
  /** The server API and health check: `http://127.0.0.1:<port>`. */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  version: string;
  /** Kills the server and starts it again on the same ports, as a crash and a restart would. */
  restart(): Promise<void>;
  /** The server's last lines of output, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

interface Ports {
  signal: number;
  rtcTcp: number;
  rtcUdp: number;
}

/** LiveKit's own configuration: one node, no Redis, everything on 127.0.0.1. */
function serverConfig(ports: Ports, keys: { apiKey: string; apiSecret: string }, webhookUrls: string[]) {
  return {
    port: ports.signal,
    bind_addresses: ['127.0.0.1'],
    rtc: {
      tcp_port: ports.rtcTcp,
      udp_port: ports.rtcUdp,
      node_ip: '127.0.0.1',
      use_external_ip: false,
    },
    keys: { [keys.apiKey]: keys.apiSecret },
    webhook: { api_key: keys.apiKey, urls: webhookUrls },
    logging: { level: 'info' },
  };
}

async function waitUntilHealthy(httpUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`livekit-server exited (${child.exitCode}) before it was ready:\n${output()}`);
    const healthy = await fetch(httpUrl)
      .then((r) => r.ok)
      .catch(() => false);
    if (healthy) return;
    if (Date.now() > deadline) throw new Error(`livekit-server did not answer at ${httpUrl}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/**
 * Starts LiveKit's real server on free ports of 127.0.0.1 with a fresh key pair, and resolves
 * once it answers. Media flows over one UDP port (and one TCP port as a fallback).
 */
export async function startLiveKitServer(options: LiveKitServerOptions): Promise<RealLiveKitServer> {
  const ports: Ports = {
    signal: await freeTcpPort(),
    rtcTcp: await freeTcpPort(),
    rtcUdp: await freeUdpPort(),
  };
  const keys = { apiKey: `e2e${randomBytes(4).toString('hex')}`, apiSecret: randomBytes(24).toString('hex') };
  const configBody = JSON.stringify(serverConfig(ports, keys, options.webhookUrls));
  const version = spawnSync(options.binary, ['--version'], { encoding: 'utf8' })
    .stdout.trim()
    .split(' ')
    .at(-1);
  const httpUrl = `http://127.0.0.1:${ports.signal}`;
  const lines: string[] = [];
  const output = () => lines.join('');

  let child: ChildProcess;
  const launch = async () => {
    // JSON is YAML too.
    child = spawn(options.binary, ['--config-body', configBody], { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      lines.push(chunk.toString());
      if (lines.length > 400) lines.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await waitUntilHealthy(httpUrl, child, output);
  };
  await launch();

  return {
    url: `ws://127.0.0.1:${ports.signal}`,
    httpUrl,
    ...keys,
    version: version ?? 'unknown',
    output,
    async restart() {
      await stopChild(child);
      await launch();
    },
    stop: () => stopChild(child),
  };
}
