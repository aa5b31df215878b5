import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A 256-bit random secret in base64url, with a prefix that says what it is (so scanners can spot a leaked one). */
export function createSecretToken(prefix: 'fmt' | 'fms' | 'fmp'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps instead of the secret: its SHA-256 in hex. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
