/**
 * A failed call to the API. `status` is null when no answer came at all
 * (network down, timeout), which the pages tell apart from a server error.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string,
    message: string,
    /** For a 400: each bad field and what is wrong with it, as the API names them. */
    readonly fields: Record<string, string[]> = {},
    /** For a 429 with Retry-After: how long the server asked us to wait. */
    readonly retryAfterSeconds: number | null = null,
    /** The specifics the API gives for the code (e.g. the line of a bad caption file), to say it in our language. */
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get unreachable(): boolean {
    return this.status === null;
  }
}

/** Errors that mean this link (or session) will not get in, however often it is tried. */
export function isAccessError(error: ApiError): boolean {
  return error.status === 401 || error.status === 403 || error.status === 404;
}

/** The API's error body, `{ error: { code, message, fields? } }`, when the answer has one. */
export function readErrorBody(body: unknown): {
  code: string;
  message: string;
  fields: Record<string, string[]>;
  params: Record<string, string | number>;
} | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, fields, params } = error as {
    code?: unknown;
    message?: unknown;
    fields?: unknown;
    params?: unknown;
  };
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return { code, message, fields: readFields(fields), params: readParams(params) };
}

function readParams(params: unknown): Record<string, string | number> {
  if (typeof params !== 'object' || params === null) return {};
  return Object.fromEntries(
    Object.entries(params).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}

function readFields(fields: unknown): Record<string, string[]> {
  if (typeof fields !== 'object' || fields === null) return {};
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string[]] =>
        Array.isArray(entry[1]) && entry[1].every((m: unknown) => typeof m === 'string'),
    ),
  );
}
