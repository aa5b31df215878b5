import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganiser } from '../src/testing/index.ts';

let system: TestSystem;
beforeAll(async () => {
  // One password check at a time and none waiting, so a second sign-in at once finds the gate full.
  system = await startTestSystem({
    TRUST_PROXY_HOPS: '1',
    LOGIN_CHECKS_AT_ONCE: '1',
    LOGIN_CHECKS_WAITING: '0',
  });
});
afterAll(async () => {
  await system?.stop();
});

const login = (email: string, password: string, ip: string) =>
  fetch(`${system.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password }),
  });

describe('a flood of sign-ins', () => {
  it('is answered 503 with Retry-After beyond the password checks a server runs at once', async () => {
    const organisers = await Promise.all(
      Array.from({ length: 6 }, () => createTestOrganiser(system, { password: 'riktig-passord-123' })),
    );
    const answers = await Promise.all(
      organisers.map((o, i) => login(o.email, 'galt-passord', `198.51.100.${i + 1}`)),
    );
    const busy = answers.filter((r) => r.status === 503);
    expect(answers.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(answers.every((r) => r.status === 401 || r.status === 503)).toBe(true);
    for (const answer of busy) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await answer.json()).toMatchObject({ error: { code: 'busy' } });
    }
    // A refusal for a full gate is no failed attempt: four more wrong guesses still leave the
    // right password let in for every account whose guess was turned away.
    for (const [i, o] of organisers.entries()) {
      if (answers[i]!.status !== 503) continue;
      const ip = `198.51.100.${i + 101}`;
      for (let n = 0; n < 4; n++) expect((await login(o.email, `feil-${n}`, ip)).status).toBe(401);
      expect((await login(o.email, 'riktig-passord-123', ip)).status).toBe(200);
    }
  });
});
