import { type LiveKitStandIn, type LiveKitStandInOptions, startLiveKitStandIn } from '../../src/index.ts';

/** Set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET to run the contract tests against a real server. */
export const realServer =
  process.env.LIVEKIT_URL && process.env.LIVEKIT_API_KEY && process.env.LIVEKIT_API_SECRET
    ? {
        url: process.env.LIVEKIT_URL,
        apiKey: process.env.LIVEKIT_API_KEY,
        apiSecret: process.env.LIVEKIT_API_SECRET,
      }
    : undefined;

export interface ContractTarget {
  kind: 'stand-in' | 'livekit';
  /** http(s) base of the server API. */
  url: string;
  apiKey: string;
  apiSecret: string;
  close(): Promise<void>;
}

export const TEST_CREDENTIALS = {
  apiKey: 'APIstandintest',
  apiSecret: 'stand-in-test-secret-that-is-long-enough',
};

export async function startContractTarget(): Promise<ContractTarget> {
  if (realServer) {
    return {
      kind: 'livekit',
      url: realServer.url.replace(/^ws/, 'http'),
      apiKey: realServer.apiKey,
      apiSecret: realServer.apiSecret,
      close: async () => {},
    };
  }
  const standIn = await startStandIn();
  return { kind: 'stand-in', url: standIn.url, ...TEST_CREDENTIALS, close: () => standIn.close() };
}

export function startStandIn(options: Partial<LiveKitStandInOptions> = {}): Promise<LiveKitStandIn> {
  return startLiveKitStandIn({ port: 0, ...TEST_CREDENTIALS, ...options });
}

/** Says in the test output why a stand-in-only block did not run. */
export function noteSkippedOnRealServer(what: string): void {
  if (realServer) {
    console.info(
      `Skipped against the real LiveKit server at LIVEKIT_URL: ${what} needs the stand-in's test hooks.`,
    );
  }
}
