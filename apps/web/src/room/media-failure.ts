export type MediaFailure = 'denied' | 'not_found' | 'in_use' | 'unsupported' | 'other';

/** What went wrong asking for a camera, microphone or screen, as getUserMedia/getDisplayMedia report it. */
export function describeMediaFailure(error: unknown): MediaFailure {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
    return 'denied';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError')
    return 'not_found';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'in_use';
  if (name === 'TypeError' || name === 'NotSupportedError') return 'unsupported';
  return 'other';
}
