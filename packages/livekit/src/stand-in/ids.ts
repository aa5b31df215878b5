import { randomBytes } from 'node:crypto';

// LiveKit's ids are a prefix and 12 characters of shortuuid's alphabet.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export type SidPrefix = 'RM_' | 'PA_' | 'TR_' | 'EG_' | 'EV_';

export function newSid(prefix: SidPrefix): string {
  const bytes = randomBytes(12);
  let id = prefix;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
