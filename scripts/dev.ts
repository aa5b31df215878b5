import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { loadConfigOrExit } from '@folkemote/config';
import { buildWebIfStale } from './build-web.ts';

// Starts the whole system on this machine. With PGlite (no DATABASE_URL) the API process runs the
// worker too; with PostgreSQL the worker runs as a process of its own, as in production.
const config = loadConfigOrExit();
buildWebIfStale();

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
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(
    () => process.exit(code),
  );
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

// LiveKit's server as built here has no Egress service: the recorder serves LiveKit's Egress API
// beside it and records rooms from their media (docs/livekit-recorder.md).
if (config.livekit.standIn && process.env.LIVEKIT_URL !== undefined) {
  process.env.LIVEKIT_EGRESS_URL ??= 'http://127.0.0.1:7890';
  start('apps/recorder/src/main.ts');
}

start('apps/api/src/main.ts');
if (!config.worker.inProcess) start('apps/worker/src/main.ts');
