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

const TURN_PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A room's TURN password: random letters and digits (LiveKit base62-encodes 32 random bytes). */
export function newTurnPassword(): string {
  let password = '';
  for (const byte of randomBytes(44))
    password += TURN_PASSWORD_ALPHABET[byte % TURN_PASSWORD_ALPHABET.length];
  return password;
}
