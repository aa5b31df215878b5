import type { IncomingMessage, ServerResponse } from 'node:http';
import { TWIRP_STATUS } from '../livekit-error.ts';
import { TwirpFailure } from './twirp-failure.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new TwirpFailure('invalid_argument', 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The SDK reads an error as JSON only when Content-Type is exactly `application/json`. */
export function sendTwirpError(res: ServerResponse, failure: TwirpFailure): void {
  send(
    res,
    TWIRP_STATUS[failure.code],
    'application/json',
    JSON.stringify({
      code: failure.code,
      msg: failure.message,
      ...(failure.meta ? { meta: failure.meta } : {}),
    }),
  );
}

export function sendPlain(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', `${text}\n`);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
  });
  res.end(body);
}
