import { loadConfigOrExit } from '@folkemote/config';
import { createLogger } from '@folkemote/logger';
import { startApi } from './start-api.ts';

// The API as production runs it: its services configured, the worker a process of its own
// (apps/worker/src/main.ts). `pnpm dev` starts the embedded system instead (system/src/main.ts).
const config = loadConfigOrExit();
const log = createLogger(config.logLevel, 'folkemote');
const unconfigured = [
  config.redis.embedded && 'REDIS_URL',
  config.s3.embedded && 'S3_ENDPOINT',
  config.livekit.standIn && 'LIVEKIT_URL',
].filter(Boolean);
if (unconfigured.length > 0 || config.worker.inProcess) {
  log.fatal(
    { unconfigured, workerInProcess: config.worker.inProcess },
    'the API alone needs REDIS_URL, S3_ENDPOINT and LIVEKIT_URL, and the worker as a process of its own; `pnpm dev` starts the embedded system',
  );
  process.exit(78);
}
const api = await startApi(config, { log });
log.info({ url: api.url }, 'Folkemøte is running');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await api.close();
    process.exit(0);
  });
}
