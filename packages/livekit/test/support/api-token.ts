import { AccessToken, type VideoGrant } from 'livekit-server-sdk';

/** A server API token, as the SDK's clients make them. */
export async function apiToken(
  credentials: { apiKey: string; apiSecret: string },
  grant: VideoGrant,
  ttl: string | number = '10m',
): Promise<string> {
  const token = new AccessToken(credentials.apiKey, credentials.apiSecret, { ttl });
  token.addGrant(grant);
  return token.toJwt();
}

/** A raw Twirp call, to see status, Content-Type and body exactly as the server sends them. */
export async function twirp(
  baseUrl: string,
  path: string,
  body: unknown,
  authorization: string | undefined,
): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(new URL(`/twirp/${path}`, baseUrl), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json;charset=UTF-8',
      ...(authorization !== undefined ? { Authorization: authorization } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: await response.text(),
  };
}
