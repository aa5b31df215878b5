import type { TwirpCode } from '../livekit-error.ts';

/** An error the stand-in answers as LiveKit does: Twirp JSON `{code, msg}`. */
export class TwirpFailure extends Error {
  readonly code: TwirpCode;
  /** Twirp's `meta`, e.g. `twirp_invalid_route` on bad_route. */
  readonly meta: Record<string, string> | undefined;

  constructor(code: TwirpCode, message: string, meta?: Record<string, string>) {
    super(message);
    this.name = 'TwirpFailure';
    this.code = code;
    this.meta = meta;
  }
}

/** LiveKit's auth middleware answers these with a plain-text 401 before Twirp sees the request. */
export class PlainUnauthorized extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlainUnauthorized';
  }
}

/**
 * An error LiveKit's services pass on from its internal RPC (psrpc): the answer keeps the code,
 * and the message reads as the Twirp error it was wrapped in.
 */
const internalRpcFailure = (code: TwirpCode, message: string) =>
  new TwirpFailure(code, `twirp error unknown: ${message}`);

export const permissionsDenied = () => new TwirpFailure('unauthenticated', 'permissions denied');
export const roomNotFound = () => internalRpcFailure('not_found', 'requested room does not exist');
export const participantNotFound = () => internalRpcFailure('not_found', 'participant does not exist');
export const trackNotFound = () => internalRpcFailure('not_found', 'track is not found');
export const egressNotFound = () => internalRpcFailure('not_found', 'egress does not exist');
/**
 * LiveKit routes some requests to the node that holds the room or the participant; when there is
 * none, nobody answers, and after its RPC timeout (3 s) the caller gets this.
 */
export const noResponseFromServers = () => internalRpcFailure('unavailable', 'no response from servers');
