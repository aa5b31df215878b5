import { ServerError } from 'livekit-server-sdk';

/** Twirp error codes LiveKit answers with, and their HTTP statuses. */
export const TWIRP_STATUS = {
  canceled: 408,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
  unknown: 500,
} as const;

export type TwirpCode = keyof typeof TWIRP_STATUS;

/**
 * A failed LiveKit server API call. `code` is the Twirp code (`not_found`,
 * `failed_precondition`, …); answers without one (a plain-text 401) get the code of their
 * status. A server that could not be reached is `unavailable` with status 503.
 */
export class LiveKitError extends Error {
  readonly code: TwirpCode;
  readonly status: number;

  constructor(code: TwirpCode, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LiveKitError';
    this.code = code;
    this.status = status;
  }
}

export function isLiveKitError(error: unknown, code?: TwirpCode): error is LiveKitError {
  return error instanceof LiveKitError && (code === undefined || error.code === code);
}

/** Turns whatever the SDK threw into a LiveKitError. */
export function toLiveKitError(error: unknown): LiveKitError {
  if (error instanceof LiveKitError) return error;
  if (error instanceof ServerError) {
    const code = isTwirpCode(error.code) ? error.code : codeForStatus(error.status);
    return new LiveKitError(code, error.status, error.message.trim() || code, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LiveKitError('unavailable', 503, `LiveKit could not be reached: ${message}`, { cause: error });
}

function isTwirpCode(code: string | undefined): code is TwirpCode {
  return code !== undefined && Object.hasOwn(TWIRP_STATUS, code);
}

function codeForStatus(status: number): TwirpCode {
  const found = (Object.entries(TWIRP_STATUS) as [TwirpCode, number][]).find(([, s]) => s === status);
  return found?.[0] ?? (status >= 500 ? 'internal' : 'unknown');
}
