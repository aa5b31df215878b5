import { type WebhookEvent, WebhookReceiver } from 'livekit-server-sdk';
import type { LiveKitCredentials } from './settings.ts';

export type WebhookRejection =
  | 'missing_authorization'
  | 'bearer_prefix'
  | 'malformed_token'
  | 'bad_signature'
  | 'expired'
  | 'wrong_key'
  | 'body_mismatch'
  | 'malformed_body';

/** A webhook that did not come from our LiveKit server or was altered on the way. */
export class WebhookRejectedError extends Error {
  readonly reason: WebhookRejection;

  constructor(reason: WebhookRejection, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookRejectedError';
    this.reason = reason;
  }
}

/**
 * Checks a LiveKit webhook against the RAW request body and returns the event. LiveKit sends
 * the JWT as the whole Authorization header (no `Bearer `); its `sha256` claim covers the exact
 * body bytes, so a body that was parsed and serialised again fails.
 */
export async function verifyWebhook(
  credentials: LiveKitCredentials,
  rawBody: string | Uint8Array,
  authorization: string | undefined,
): Promise<WebhookEvent> {
  if (!authorization) {
    throw new WebhookRejectedError('missing_authorization', 'the Authorization header is missing');
  }
  if (/^bearer\s/i.test(authorization)) {
    throw new WebhookRejectedError('bearer_prefix', 'LiveKit webhooks carry the token without "Bearer "');
  }
  const body = typeof rawBody === 'string' ? rawBody : decodeBody(rawBody);
  const receiver = new WebhookReceiver(credentials.apiKey, credentials.apiSecret);
  try {
    return await receiver.receive(body, authorization);
  } catch (error) {
    throw rejectionFor(error);
  }
}

function decodeBody(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    // The checksum is over bytes: text that does not survive decoding could never match it.
    throw new WebhookRejectedError('body_mismatch', 'the body is not valid UTF-8', { cause: error });
  }
}

function rejectionFor(error: unknown): WebhookRejectedError {
  const code = (error as { code?: unknown } | null)?.code;
  const claim = (error as { claim?: unknown } | null)?.claim;
  const message = error instanceof Error ? error.message : String(error);
  const rejection = (reason: WebhookRejection, text: string) =>
    new WebhookRejectedError(reason, text, { cause: error });
  if (code === 'ERR_JWT_EXPIRED') return rejection('expired', 'the token has expired');
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
    return rejection('bad_signature', 'the token signature does not match the API secret');
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'iss')
    return rejection('wrong_key', 'the token was issued for another API key');
  if (typeof code === 'string' && code.startsWith('ERR_J'))
    return rejection('malformed_token', `the token is not valid: ${message}`);
  if (message.includes('sha256 checksum'))
    return rejection('body_mismatch', 'the body does not match the checksum in the token');
  return rejection('malformed_body', 'the body is not a LiveKit webhook event');
}
