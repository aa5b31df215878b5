/**
 * The CSRF token of the organiser's session, kept in memory only: it comes from
 * GET /api/auth/session (or the sign-in answer) and goes out with every request
 * that changes something. A reload fetches it again.
 */
let token: string | null = null;

export function readCsrfToken(): string | null {
  return token;
}

export function setCsrfToken(value: string | null): void {
  token = value;
}
