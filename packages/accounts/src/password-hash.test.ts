import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password-hash.ts';

// Small parameters keep the unit test quick; the defaults are exercised in the integration tests.
const light = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the password it hashed and refuses another', async () => {
    const hash = await hashPassword('korrekt hest batteri stift', light);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('korrekt hest batteri stift', hash)).toBe(true);
    expect(await verifyPassword('korrekt hest batteri stift ', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('samme', light)).not.toBe(await hashPassword('samme', light));
  });

  it('uses a memory-hard default of N = 2^15', async () => {
    const hash = await hashPassword('standard');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(await verifyPassword('standard', hash)).toBe(true);
  });

  it('treats composed and decomposed æøå alike', async () => {
    const hash = await hashPassword('blåbær', light);
    expect(await verifyPassword('bla\u030abær', hash)).toBe(true);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$abc$8$1$c2FsdA$aGFzaA')).toBe(false);
  });

  it('generates passwords from the alphabet without look-alikes', () => {
    const password = generatePassword();
    expect(password).toHaveLength(20);
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
    expect(generatePassword()).not.toBe(password);
  });
});
