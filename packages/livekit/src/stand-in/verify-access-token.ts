import { type ClaimGrants, TokenVerifier } from 'livekit-server-sdk';
import type { LiveKitCredentials } from '../settings.ts';
import { PlainUnauthorized } from './twirp-failure.ts';

// go-jose's default leeway, which LiveKit's token check uses.
const CLOCK_TOLERANCE_SECONDS = 60;

/**
 * Checks a LiveKit access token as the server does: the issuer names the API key, whose secret
 * must have signed it, and it must not have expired.
 */
export async function verifyAccessToken(
  credentials: LiveKitCredentials,
  token: string,
): Promise<ClaimGrants> {
  const issuer = readIssuer(token);
  if (issuer === undefined) throw new PlainUnauthorized('invalid authorization token');
  if (issuer !== credentials.apiKey) throw new PlainUnauthorized(`invalid API key: ${issuer}`);
  try {
    return await new TokenVerifier(credentials.apiKey, credentials.apiSecret).verify(
      token,
      CLOCK_TOLERANCE_SECONDS,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlainUnauthorized(`invalid token, error: ${reason}`);
  }
}

/**
 * The claims of a server API request. No header means no grants (each method then answers
 * "permissions denied"); a header without `Bearer ` or a token that fails the check is a
 * plain-text 401, as LiveKit's auth middleware answers.
 */
export async function authenticateApiRequest(
  credentials: LiveKitCredentials,
  authorization: string | undefined,
): Promise<ClaimGrants | undefined> {
  if (!authorization) return undefined;
  if (!authorization.startsWith('Bearer ')) {
    throw new PlainUnauthorized('invalid authorization header. Must start with Bearer ');
  }
  return verifyAccessToken(credentials, authorization.slice('Bearer '.length));
}

function readIssuer(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof claims.iss === 'string' ? claims.iss : undefined;
  } catch {
    return undefined;
  }
}
