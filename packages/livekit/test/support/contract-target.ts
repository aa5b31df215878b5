import { describe } from 'vitest';
import {
  type LiveKitStandIn,
  type LiveKitStandInOptions,
  liveKitServerBinary,
  startLiveKitServer,
  startLiveKitStandIn,
} from '../../src/index.ts';

/** A LiveKit server API the contract tests run against: the real server or our stand-in. */
export interface ContractTarget {
  kind: 'stand-in' | 'livekit';
  /** http(s) base of the server API. */
  url: string;
  /** What clients dial. */
  wsUrl: string;
  apiKey: string;
  apiSecret: string;
  close(): Promise<void>;
}

export interface ContractTargetOptions {
  webhookUrls?: string[];
}

export interface ContractTargetKind {
  kind: ContractTarget['kind'];
  /** How the test output names it; for a skipped target, with the reason. */
  label: string;
  /** Why this target cannot run here; undefined when it runs. */
  skip: string | undefined;
  start(options?: ContractTargetOptions): Promise<ContractTarget>;
}

export const TEST_CREDENTIALS = {
  apiKey: 'APIstandintest',
  apiSecret: 'stand-in-test-secret-that-is-long-enough',
};

export function startStandIn(options: Partial<LiveKitStandInOptions> = {}): Promise<LiveKitStandIn> {
  return startLiveKitStandIn({ port: 0, ...TEST_CREDENTIALS, ...options });
}

const binary = liveKitServerBinary();
/**
 * In CI bootstrap has built the server whenever Go is there, so a missing binary is a failure to
 * report, not a reason to skip.
 */
const realServerSkip = binary.path || process.env.CI ? undefined : binary.reason;

const standInTarget: ContractTargetKind = {
  kind: 'stand-in',
  label: 'the stand-in',
  skip: undefined,
  async start(options = {}) {
    const standIn = await startStandIn({ webhookUrls: options.webhookUrls ?? [] });
    return {
      kind: 'stand-in',
      url: standIn.url,
      wsUrl: standIn.wsUrl,
      ...TEST_CREDENTIALS,
      close: () => standIn.close(),
    };
  },
};

export const realServerTarget: ContractTargetKind = {
  kind: 'livekit',
  label: binary.path
    ? `livekit-server ${binary.version}`
    : `livekit-server (${realServerSkip ? `skipped: ${realServerSkip}` : binary.reason})`,
  skip: realServerSkip,
  async start(options = {}) {
    if (!binary.path) throw new Error(`CI must run the real LiveKit server, but ${binary.reason}`);
    const server = await startLiveKitServer({
      ...TEST_CREDENTIALS,
      binary: binary.path,
      webhookUrls: options.webhookUrls ?? [],
      // As in production: the Egress API answers from what LiveKit keeps in Redis.
      redis: 'private',
    });
    return {
      kind: 'livekit',
      url: server.httpUrl,
      wsUrl: server.url,
      ...TEST_CREDENTIALS,
      close: () => server.stop(),
    };
  },
};

/** Both targets, for describe.each: every contract test runs against each. */
export const CONTRACT_TARGETS: ContractTargetKind[] = [standInTarget, realServerTarget];

/** One describe block per target, named after it; a target that cannot run here is skipped. */
export function describeOnEachTarget(title: string, body: (target: ContractTargetKind) => void): void {
  for (const target of CONTRACT_TARGETS) {
    describe.skipIf(target.skip !== undefined)(`${title} on ${target.label}`, () => body(target));
  }
}
