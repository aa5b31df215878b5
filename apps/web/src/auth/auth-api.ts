import type { OrganiserSession } from '@folkemote/contract';
import { ApiError } from '../shared/api-error.ts';
import { setCsrfToken } from '../shared/csrf-token.ts';
import { requestJson } from '../shared/request-json.ts';

/** The signed-in organiser, or null when no one is signed in. */
export async function fetchSession(signal?: AbortSignal): Promise<OrganiserSession | null> {
  try {
    const session = (await requestJson('/api/auth/session', { signal })) as OrganiserSession;
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function signIn(email: string, password: string): Promise<OrganiserSession> {
  const session = (await requestJson('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })) as OrganiserSession;
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signOut(): Promise<void> {
  await requestJson('/api/auth/logout', { method: 'POST' });
  setCsrfToken(null);
}

export async function fetchAuthOptions(signal?: AbortSignal): Promise<{ password: boolean; oidc: boolean }> {
  return (await requestJson('/api/auth/options', { signal })) as { password: boolean; oidc: boolean };
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export async function requestPasswordReset(email: string, language: string): Promise<void> {
  await requestJson('/api/auth/password-reset/request', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, language }),
  });
}

/** Sets a new password with a reset link's token; nobody is signed in. */
export async function resetPassword(token: string, password: string): Promise<void> {
  await requestJson('/api/auth/password-reset', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
}
