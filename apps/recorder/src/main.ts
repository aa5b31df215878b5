import { loadConfigOrExit } from '@folkemote/config';
import { startRecorder } from '@folkemote/livekit/recorder';
import { createLogger } from '@folkemote/logger';
import { recorderSettings } from './recorder-settings.ts';

// LiveKit's Egress API for a LiveKit server without its Egress service (development, CI): rooms
// are recorded from their real media by a hidden participant and uploaded where the request says.
const config = loadConfigOrExit();
const log = createLogger(config.logLevel, 'folkemote-recorder');
const settings = recorderSettings(config);
if ('problems' in settings) {
  process.stderr.write(`The recorder cannot run:\n${settings.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(78); // EX_CONFIG
}

const recorder = await startRecorder({
  livekitUrl: settings.livekitUrl,
  apiKey: settings.apiKey,
  apiSecret: settings.apiSecret,
  webhookUrls: [settings.webhookUrl],
  host: settings.host,
  port: settings.port,
});
log.info({ url: recorder.url, livekit: settings.livekitUrl }, 'recorder serving the Egress API');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  log.info('recorder stopping: recordings in progress are finished and uploaded');
  await recorder.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
