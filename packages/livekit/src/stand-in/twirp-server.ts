import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveKitCredentials } from '../settings.ts';
import { readBody, send, sendPlain, sendTwirpError } from './http-io.ts';
import { PlainUnauthorized, TwirpFailure } from './twirp-failure.ts';
import { type Encoding, encodeAnswer, type TwirpService } from './twirp-method.ts';
import { authenticateApiRequest } from './verify-access-token.ts';

const TWIRP_PATH = /^\/twirp\/livekit\.([A-Za-z]+)\/([A-Za-z]+)$/;

/**
 * Answers `POST /twirp/livekit.<Service>/<Method>` as LiveKit does: its auth middleware first
 * (plain-text 401), then the method, or a Twirp error as JSON. `GET /` answers OK, as the
 * server's health check does.
 */
export async function handleTwirpRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  services: Record<string, TwirpService>,
  credentials: LiveKitCredentials,
): Promise<void> {
  if (path === '/' && req.method === 'GET') {
    sendPlain(res, 200, 'OK');
    return;
  }
  const match = TWIRP_PATH.exec(path);
  try {
    const claims = await authenticateApiRequest(credentials, req.headers.authorization);
    const method = match ? services[match[1] as string]?.[match[2] as string] : undefined;
    if (!method || req.method !== 'POST') {
      throw new TwirpFailure('bad_route', `no handler for path "${path}"`, {
        twirp_invalid_route: `${req.method} ${path}`,
      });
    }
    const encoding = encodingOf(req.headers['content-type']);
    const answer = encodeAnswer(await method.call(await readBody(req), encoding, claims), encoding);
    send(res, 200, answer.contentType, answer.body);
  } catch (error) {
    if (error instanceof PlainUnauthorized) sendPlain(res, 401, error.message);
    else if (error instanceof TwirpFailure) sendTwirpError(res, error);
    else throw error;
  }
}

function encodingOf(contentType: string | undefined): Encoding {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/protobuf') return 'protobuf';
  throw new TwirpFailure('bad_route', `unexpected Content-Type: "${contentType ?? ''}"`);
}
