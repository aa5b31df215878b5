import { type ChildProcess, spawn } from 'node:child_process';
import { loadConfigOrExit } from '@folkemote/config';
import { hostPglite, PgliteInUseError, PglitePortTakenError, type PgliteServer } from '@folkemote/db';
import { type LiveKitRtcPorts, liveKitServerBinary, startLiveKitServer } from '@folkemote/livekit';
import { buildWebIfStale } from './build-web.ts';

// Starts the whole system on this machine. With PGlite (no DATABASE_URL) this process holds the
// database directory and serves it on 127.0.0.1:PGLITE_PORT over the PostgreSQL wire protocol:
// the system (system/src/main.ts: the embedded services, the API and, in this mode, the worker in
// the same process) and `pnpm cli` connect to it there, so they all see one database and no second
// process ever opens the directory. With PostgreSQL the worker runs as a
// process of its own, as in production.
const config = loadConfigOrExit();
buildWebIfStale();

/**
 * The real LiveKit server's media ports in development (docs/livekit.md): ICE over TCP on 7881,
 * one UDP port per peer connection from 50000 to 50100, all on 127.0.0.1 for browsers here.
 */
const DEV_UDP_PORTS = { start: 50000, end: 50100 };
const DEV_RTC_PORTS: LiveKitRtcPorts = { tcpPort: 7881, udp: DEV_UDP_PORTS };

interface Part {
  child: ChildProcess;
  stop(): Promise<void>;
}
const parts: Part[] = [];

let database: PgliteServer | null = null;
if (config.database.kind === 'pglite') {
  try {
    database = await hostPglite(config.database.dataDir, { port: config.database.port });
  } catch (err) {
    if (!(err instanceof PgliteInUseError || err instanceof PglitePortTakenError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  console.log(`▸ Embedded database served at ${database.url} (for pnpm cli, while this runs)`);
  process.env.DATABASE_URL = database.url;
  process.env.WORKER_IN_PROCESS = 'true';
}

/** Keeps a child among the system's parts: when one stops, the rest are stopped too. */
const supervise = (name: string, child: ChildProcess, stopPart?: () => Promise<void>) => {
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping the rest`);
      stop(code ?? 1);
    }
  });
  parts.push({ child, stop: stopPart ?? (() => stopChild(child)) });
};
const start = (file: string) =>
  supervise(file, spawn(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit', env: process.env }));

let stopping = false;
function stop(code = 0) {
  stopping = true;
  Promise.all(parts.map((part) => part.stop()))
    // The database closes last, once nothing uses it, so PGlite writes everything to its directory.
    .then(() => database?.close())
    .finally(() => process.exit(code));
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

/**
 * The real LiveKit server when bootstrap has built it and none is configured; otherwise the system
 * starts its stand-in of LiveKit's server API, which has no audio or video. Either way the
 * banner says which, and why.
 */
async function startLocalLiveKit(): Promise<void> {
  const binary = liveKitServerBinary();
  if (!binary.path) {
    process.env.LIVEKIT_DEV_NOTE = binary.reason;
    return;
  }
  const { apiKey, apiSecret, standInPort: port } = config.livekit;
  try {
    const livekit = await startLiveKitServer({
      binary: binary.path,
      apiKey,
      apiSecret,
      port,
      rtc: DEV_RTC_PORTS,
      webhookUrls: [`${config.publicAppUrl}/api/webhooks/livekit`],
      // As in production (infra/livekit/livekit.yaml): rooms exist only once the API opens them.
      autoCreateRooms: false,
      // A Redis of its own for the Egress API's state, shared with no other LiveKit.
      redis: 'private',
    });
    livekit.process.once('exit', () => {
      if (!stopping) console.error(livekit.recentOutput().join('\n'));
    });
    supervise('livekit-server', livekit.process, livekit.stop);
    process.env.LIVEKIT_URL = livekit.url;
    const media = `TCP ${DEV_RTC_PORTS.tcpPort} and UDP ${DEV_UDP_PORTS.start}-${DEV_UDP_PORTS.end}`;
    process.env.LIVEKIT_DEV_NOTE = `livekit-server ${livekit.version}, media on ${media}; recording by the recorder on LiveKit's Node SDK: Egress is not built here (docs/livekit.md)`;
  } catch (error) {
    // The first line says why (a port taken, most often); the note has room for 300 characters.
    const reason = (error as Error).message.split('\n')[0]?.slice(0, 200);
    process.env.LIVEKIT_DEV_NOTE = `livekit-server ${binary.version}: ${reason}`;
  }
}

if (config.livekit.standIn) await startLocalLiveKit();

// LiveKit's server as built here has no Egress service: the recorder serves LiveKit's Egress API
// beside it and records rooms from their media (docs/livekit.md).
if (config.livekit.standIn && process.env.LIVEKIT_URL !== undefined) {
  process.env.LIVEKIT_EGRESS_URL ??= 'http://127.0.0.1:7890';
  start('apps/recorder/src/main.ts');
}
start('system/src/main.ts');
if (!config.worker.inProcess) start('apps/worker/src/main.ts');
