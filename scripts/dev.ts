import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { loadConfigOrExit } from '@folkemote/config';
import { hostPglite, PgliteInUseError, PglitePortTakenError, type PgliteServer } from '@folkemote/db';
import { buildWebIfStale } from './build-web.ts';

// Starts the whole system on this machine. With PGlite (no DATABASE_URL) this process holds the
// database directory and serves it on 127.0.0.1:PGLITE_PORT over the PostgreSQL wire protocol:
// the API (which runs the worker too) and `pnpm cli` connect to it there, so they all see one
// database and no second process ever opens the directory. With PostgreSQL the worker runs as a
// process of its own, as in production.
const config = loadConfigOrExit();
buildWebIfStale();

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

const children: ChildProcess[] = [];
/** Keeps a child among the system's parts: when one stops, the rest are stopped too. */
const supervise = (name: string, child: ChildProcess) => {
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping the rest`);
      stop(code ?? 1);
    }
  });
  children.push(child);
};
const start = (file: string) =>
  supervise(file, spawn(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit', env: process.env }));

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)))
    // The database closes last, once nothing uses it, so PGlite writes everything to its directory.
    .then(() => database?.close())
    .finally(() => process.exit(code));
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

// A real LiveKit server when its binary is installed and none is configured; otherwise the API starts
// its stand-in of LiveKit's server API, which has no audio or video.
if (config.livekit.standIn && spawnSync('livekit-server', ['--version']).status === 0) {
  const { apiKey, apiSecret, standInPort: port } = config.livekit;
  const webhookUrl = `${config.publicAppUrl}/api/webhooks/livekit`;
  const livekit = spawn(
    'livekit-server',
    [
      '--dev',
      '--bind',
      '127.0.0.1',
      // --dev would use the secret "secret", shorter than the 32 characters our tokens are signed with.
      '--keys',
      `${apiKey}: ${JSON.stringify(apiSecret)}`,
      // JSON is YAML too.
      '--config-body',
      JSON.stringify({ port, webhook: { api_key: apiKey, urls: [webhookUrl] } }),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  supervise('livekit-server', livekit);
  process.env.LIVEKIT_URL = `ws://127.0.0.1:${port}`;
}

start('apps/api/src/main.ts');
if (!config.worker.inProcess) start('apps/worker/src/main.ts');
