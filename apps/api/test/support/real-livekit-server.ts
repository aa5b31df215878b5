import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Until the bootstrap installs LiveKit's server as .tools/bin/livekit-server, tests look for it
// there, on the PATH, and where it was built by hand.
const CANDIDATES = [
  path.resolve(import.meta.dirname, '../../../../.tools/bin/livekit-server'),
  '/tmp/lkbuild/bin/server',
];

export interface RealLiveKitServer {
  /** ws:// address a client dials. */
  url: string;
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  stop(): Promise<void>;
}

/** The server binary, or why there is none. */
export function liveKitServerBinary(): { path: string } | { missing: string } {
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return { path: candidate };
  if (spawnSync('livekit-server', ['--version']).status === 0) return { path: 'livekit-server' };
  return { missing: 'livekit-server is not built (.tools/bin/livekit-server, /tmp/lkbuild/bin/server)' };
}

/** LiveKit's real server on loopback, on free ports, with its webhooks sent to `webhookUrl`. */
export async function startRealLiveKitServer(
  binary: string,
  options: { apiKey: string; apiSecret: string; webhookUrl?: string },
): Promise<RealLiveKitServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'livekit-server-'));
  const [port, tcpPort, udpPort] = [await freeTcpPort(), await freeTcpPort(), await freeUdpPort()];
  const config = {
    port,
    bind_addresses: ['127.0.0.1'],
    rtc: { tcp_port: tcpPort, udp_port: udpPort, node_ip: '127.0.0.1', use_external_ip: false },
    keys: { [options.apiKey]: options.apiSecret },
    logging: { level: 'warn' },
    ...(options.webhookUrl ? { webhook: { api_key: options.apiKey, urls: [options.webhookUrl] } } : {}),
  };
  const configPath = path.join(dir, 'livekit.yaml');
  // JSON is YAML too.
  await writeFile(configPath, JSON.stringify(config));
  const child: ChildProcess = spawn(binary, ['--config', configPath], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const httpUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`livekit-server exited: ${stderr}`);
    const ok = await fetch(httpUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`livekit-server did not answer on ${httpUrl}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    stop,
  };
}

/** A port the kernel just handed out, so free a moment ago. */
export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
