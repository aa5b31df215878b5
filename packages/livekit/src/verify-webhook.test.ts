import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookRejectedError, type WebhookRejection } from './verify-webhook.ts';

const credentials = { apiKey: 'APIwebhookkey', apiSecret: 'a-webhook-secret-of-at-least-32-characters' };

// LiveKit's own body shape: protojson, camelCase, zero values omitted, int64 as strings.
const body =
  '{"event":"egress_ended","egressInfo":{"egressId":"EG_x1","roomId":"RM_a","roomName":"event-42",' +
  '"status":"EGRESS_COMPLETE","startedAt":"1700000000000000000","endedAt":"1700000010000000000",' +
  '"fileResults":[{"filename":"raw/event-42.mp4","duration":"10000000000","size":"123456"}]},' +
  '"id":"EV_abc123","createdAt":"1700000010"}';

/** Signs as LiveKit's webhook notifier does: HS256, iss = key, exp, sha256 = padded base64 of SHA-256(body). */
function signAsLiveKit(
  payload: string,
  options: { key?: string; secret?: string; expiresIn?: number; sha256?: string } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: options.key ?? credentials.apiKey,
    nbf: now,
    exp: now + (options.expiresIn ?? 300),
    sha256: options.sha256 ?? createHash('sha256').update(payload, 'utf8').digest('base64'),
  };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  const signature = createHmac('sha256', options.secret ?? credentials.apiSecret)
    .update(unsigned)
    .digest('base64url');
  return `${unsigned}.${signature}`;
}

async function rejection(promise: Promise<unknown>): Promise<WebhookRejection> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookRejectedError);
  return (error as WebhookRejectedError).reason;
}

describe('verifyWebhook', () => {
  it('returns the event of a body signed as LiveKit signs it', async () => {
    const event = await verifyWebhook(credentials, body, signAsLiveKit(body));
    expect(event.event).toBe('egress_ended');
    expect(event.id).toBe('EV_abc123');
    expect(event.createdAt).toBe(1_700_000_010n);
    expect(event.egressInfo?.egressId).toBe('EG_x1');
    expect(event.egressInfo?.fileResults[0]?.duration).toBe(10_000_000_000n);
  });

  it('accepts the raw body as bytes', async () => {
    const event = await verifyWebhook(credentials, new TextEncoder().encode(body), signAsLiveKit(body));
    expect(event.egressInfo?.roomName).toBe('event-42');
  });

  it('rejects a missing Authorization header', async () => {
    expect(await rejection(verifyWebhook(credentials, body, undefined))).toBe('missing_authorization');
    expect(await rejection(verifyWebhook(credentials, body, ''))).toBe('missing_authorization');
  });

  it('rejects a header with the Bearer prefix, which LiveKit never sends', async () => {
    const header = `Bearer ${signAsLiveKit(body)}`;
    expect(await rejection(verifyWebhook(credentials, body, header))).toBe('bearer_prefix');
  });

  it('rejects a forged signature', async () => {
    const forged = signAsLiveKit(body, { secret: 'another-secret-that-is-also-32-characters' });
    expect(await rejection(verifyWebhook(credentials, body, forged))).toBe('bad_signature');
  });

  it('rejects a token whose signature part was altered', async () => {
    const token = signAsLiveKit(body);
    const altered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(await rejection(verifyWebhook(credentials, body, altered))).toBe('bad_signature');
  });

  it('rejects a tampered body', async () => {
    const token = signAsLiveKit(body);
    const tampered = body.replace('EGRESS_COMPLETE', 'EGRESS_FAILED');
    expect(await rejection(verifyWebhook(credentials, tampered, token))).toBe('body_mismatch');
  });

  it('rejects a body that was parsed and serialised again', async () => {
    const token = signAsLiveKit(body);
    const reserialised = JSON.stringify(JSON.parse(body), null, 1);
    expect(await rejection(verifyWebhook(credentials, reserialised, token))).toBe('body_mismatch');
  });

  it('rejects an expired token', async () => {
    const expired = signAsLiveKit(body, { expiresIn: -120 });
    expect(await rejection(verifyWebhook(credentials, body, expired))).toBe('expired');
  });

  it('rejects a token issued for another API key', async () => {
    const otherKey = signAsLiveKit(body, { key: 'APIotherkey' });
    expect(await rejection(verifyWebhook(credentials, body, otherKey))).toBe('wrong_key');
  });

  it('rejects a token of another key pair', async () => {
    const otherPair = signAsLiveKit(body, {
      key: 'APIotherkey',
      secret: 'the-other-pairs-secret-is-32-characters',
    });
    expect(await rejection(verifyWebhook(credentials, body, otherPair))).toBe('bad_signature');
  });

  it('rejects a header that is no JWT', async () => {
    expect(await rejection(verifyWebhook(credentials, body, 'not-a-token'))).toBe('malformed_token');
  });

  it('rejects a correctly signed body that is no JSON', async () => {
    const text = 'event=room_started';
    expect(await rejection(verifyWebhook(credentials, text, signAsLiveKit(text)))).toBe('malformed_body');
  });
});
