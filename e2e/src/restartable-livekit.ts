import { randomBytes } from 'node:crypto';
import { type LiveKitServer, startLiveKitServer } from '@folkemote/livekit';

/** LiveKit's real server for a test, which can be restarted on the same address mid-test. */
export interface RestartableLiveKit {
  url: string;
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  version: string;
  /** Stops the server as a deployment would (SIGTERM) and starts it again on the same ports. */
  restart(): Promise<void>;
  /** The server's last log lines, e.g. for a failing test's message. */
  recentOutput(): string[];
  stop(): Promise<void>;
}

/**
 * Starts LiveKit's real server (`startLiveKitServer`) on free ports with a fresh key pair; a
 * restart keeps its ports, keys and webhooks, so clients reach it again where they left it.
 */
export async function startRestartableLiveKit(options: {
  binary: string;
  webhookUrls: string[];
}): Promise<RestartableLiveKit> {
  const keys = { apiKey: `e2e${randomBytes(4).toString('hex')}`, apiSecret: randomBytes(24).toString('hex') };
  let server: LiveKitServer = await startLiveKitServer({ ...options, ...keys });
  const { port, rtc } = server;
  return {
    url: server.url,
    httpUrl: server.httpUrl,
    ...keys,
    version: server.version,
    async restart() {
      await server.stop();
      server = await startLiveKitServer({ ...options, ...keys, port, rtc });
    },
    recentOutput: () => server.recentOutput(),
    stop: () => server.stop(),
  };
}
