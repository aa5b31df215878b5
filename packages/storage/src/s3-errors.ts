/** The HTTP status S3 answered with, when the error came from a response. */
export function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

export function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return (
    httpStatusOf(error) === 404 || name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchBucket'
  );
}

export function isAbortError(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error as { name?: string } | null)?.name === 'AbortError';
}

/**
 * Whether trying the whole operation again may help: not when S3 refused the request as such
 * (4xx other than timeout and throttling), nor when a local file could not be read.
 */
export function isRetryableFailure(error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) return status === 408 || status === 429;
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOSPC') return false;
  return true;
}

/** A short description for logs and health answers; S3 error messages carry no personal data. */
export function describeS3Error(error: unknown): string {
  if (error instanceof Error) {
    const status = httpStatusOf(error);
    const code = (error as { code?: string }).code;
    const detail = [status ? `HTTP ${status}` : undefined, code].filter(Boolean).join(', ');
    const message = error.message && error.message !== 'UnknownError' ? error.message : error.name;
    return detail ? `${message} (${detail})` : message;
  }
  return String(error);
}

/** Rejects with the signal's reason as an AbortError when the signal is already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

export function abortError(): Error {
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}
