/** Socket errors of a server that is not there (restarting, or unreachable for a moment). */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server going away or not taking connections yet: connection exceptions (class 08),
 * administrator or crash shutdown, "the database system is starting up", and too many connections.
 */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres says when it loses its server, without a code of its own. */
const lostServerMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed/i;

/**
 * Whether a query failed because the database is away for the moment (a restart, a failover)
 * rather than because of the query: the request may be tried again shortly.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (unreachableCodes.has(code) || unavailableStates.has(code) || code.startsWith('08'))
  )
    return true;
  if (lostServerMessages.test(err.message)) return true;
  const cause = (err as { cause?: unknown }).cause;
  return cause !== undefined && cause !== err && isDatabaseUnavailable(cause);
}
