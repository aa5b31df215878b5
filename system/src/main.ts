import { loadConfigOrExit } from '@folkemote/config';
import { createLogger } from '@folkemote/logger';
import { startSystem } from './start-system.ts';

const config = loadConfigOrExit();
const log = createLogger(config.logLevel, 'folkemote');
const system = await startSystem(config, { log });
log.info({ url: system.url }, 'Folkemøte is running');
const { livekit } = system.deps.config;
const liveVideo = livekit.standIn
  ? `LiveKit stand-in at ${livekit.apiUrl} (server API only: no audio or video): ${livekit.devNote ?? 'set LIVEKIT_URL, or run `bash scripts/run.sh dev` with livekit-server built (docs/livekit.md)'}`
  : `LiveKit at ${livekit.publicUrl}${livekit.devNote ? ` (${livekit.devNote})` : ''}`;
// The demo passwords go to this console only, never through the logger, whose output may be kept.
const demoLogins = system.demoOrganisers.map(
  (o) => `\n  Demo sign-in (${o.organisation}):\n    e-mail:   ${o.email}\n    password: ${o.password}`,
);
process.stdout.write(
  `\n  Folkemøte:            ${system.url}\n  Organiser sign-in:    ${system.url}/organiser/sign-in\n  Organiser recordings: ${system.url}/organiser/recordings\n  Public replay site:   ${system.deps.s3Settings.publicBaseUrl}/index.html\n  Live video:           ${liveVideo}\n${demoLogins.join('\n')}\n\n`,
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await system.close();
    process.exit(0);
  });
}
