import type { TwirpCode } from '../livekit-error.ts';

/** An error the stand-in answers as LiveKit does: Twirp JSON `{code, msg}`. */
export class TwirpFailure extends Error {
  readonly code: TwirpCode;

  constructor(code: TwirpCode, message: string) {
    super(message);
    this.name = 'TwirpFailure';
    this.code = code;
  }
}

/** LiveKit's auth middleware answers these with a plain-text 401 before Twirp sees the request. */
export class PlainUnauthorized extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlainUnauthorized';
  }
}

export const permissionsDenied = () => new TwirpFailure('unauthenticated', 'permissions denied');
export const roomNotFound = () => new TwirpFailure('not_found', 'requested room does not exist');
export const participantNotFound = () => new TwirpFailure('not_found', 'participant does not exist');
export const trackNotFound = () => new TwirpFailure('not_found', 'track is not found');
export const egressNotFound = () => new TwirpFailure('not_found', 'egress does not exist');
