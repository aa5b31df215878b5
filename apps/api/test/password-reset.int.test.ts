import { deliverPasswordReset, type MailMessage, type MailSender } from '@folkemote/registration';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganiser, signInForTest } from '../src/testing/index.ts';

let system: TestSystem;
beforeAll(async () => {
  // As behind one load balancer, so the test can speak for several network addresses.
  system = await startTestSystem({ TRUST_PROXY_HOPS: '1' });
});
afterAll(async () => {
  await system?.stop();
});

const post = (path: string, body: unknown, ip: string) =>
  fetch(`${system.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  });
const askForLink = (email: string, ip = '203.0.113.1', language = 'nn') =>
  post('/api/auth/password-reset/request', { email, language }, ip);
const setPassword = (token: string, password: string) =>
  post('/api/auth/password-reset', { token, password }, '203.0.113.1');
const resetMailsTo = async (email: string) =>
  (
    await system.deps.db.query<{ id: string; status: string; text_body: string; subject: string }>(
      `select id, status, text_body, subject from outbound_emails
       where kind = 'password-reset' and lower(to_address) = lower($1) order by created_at`,
      [email],
    )
  ).rows;
// What SMTP would carry: the message marked pending again and sent through a sender that keeps it.
async function deliveredLink(emailId: string): Promise<{ message: MailMessage; token: string }> {
  await system.deps.db.query(`update outbound_emails set status = 'pending' where id = $1`, [emailId]);
  const sent: MailMessage[] = [];
  const smtp: MailSender = { kind: 'smtp', send: async (m) => void sent.push(m), close() {} };
  expect(await deliverPasswordReset({ db: system.deps.db, mail: smtp }, emailId)).toBe('sent');
  const token = /\/organiser\/nytt-passord(?:\?lang=nn)?#(fmr_[A-Za-z0-9_-]{43})/.exec(sent[0]!.text)?.[1];
  expect(token).toBeDefined();
  return { message: sent[0]!, token: token! };
}

describe('forgot password', () => {
  it('e-mails a link that sets a new password once, ends the sessions and then stops working', async () => {
    const organiser = await createTestOrganiser(system, { password: 'gammelt-passord-123' });
    const before = await signInForTest(system.url, organiser);

    const asked = await askForLink(organiser.email.toUpperCase());
    expect(asked.status).toBe(202);
    expect(await asked.json()).toEqual({ accepted: true });
    await expect
      .poll(async () => (await resetMailsTo(organiser.email))[0]?.status, { timeout: 20_000 })
      .toBe('stored');
    const [stored] = await resetMailsTo(organiser.email);
    expect(stored!.subject).toBe('Nytt passord til Folkemøte');
    expect(stored!.text_body).toContain('Hei Test Arrangør,');
    expect(stored!.text_body).toContain('/organiser/nytt-passord?lang=nn#[lenke-til-nytt-passord]');

    const { token } = await deliveredLink(stored!.id);
    // The database keeps the token's hash only, and the job's payload had the message's id only.
    const kept = await system.deps.db.query('select * from password_resets');
    expect(JSON.stringify(kept.rows)).not.toContain(token);
    expect(JSON.stringify(await resetMailsTo(organiser.email))).not.toContain(token);

    expect((await setPassword(token, 'kort')).status).toBe(400);
    expect((await setPassword(token, 'nytt-passord-456')).status).toBe(204);
    // The old session is over, the old password refused, the new one works; nobody was signed in.
    const session = await fetch(`${system.url}/api/auth/session`, { headers: { cookie: before.cookie } });
    expect(session.status).toBe(401);
    await expect(signInForTest(system.url, organiser)).rejects.toThrow(/401/);
    await signInForTest(system.url, { email: organiser.email, password: 'nytt-passord-456' });

    const again = await setPassword(token, 'tredje-passord-789');
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('reset_link_invalid');
  });

  it('refuses an expired link and sends it no more', async () => {
    const organiser = await createTestOrganiser(system, { password: 'gammelt-passord-123' });
    expect((await askForLink(organiser.email, '203.0.113.2')).status).toBe(202);
    await expect.poll(async () => (await resetMailsTo(organiser.email)).length, { timeout: 20_000 }).toBe(1);
    const [mail] = await resetMailsTo(organiser.email);
    const { token } = await deliveredLink(mail!.id);
    await system.deps.db.query(
      `update password_resets set expires_at = now() - interval '1 second'
       where account_id = (select id from organiser_accounts where email = $1)`,
      [organiser.email],
    );
    const expired = await setPassword(token, 'nytt-passord-456');
    expect(expired.status).toBe(400);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('reset_link_invalid');
    await signInForTest(system.url, organiser);
    await system.deps.db.query(`update outbound_emails set status = 'pending' where id = $1`, [mail!.id]);
    const smtp: MailSender = { kind: 'smtp', send: async () => {}, close() {} };
    expect(await deliverPasswordReset({ db: system.deps.db, mail: smtp }, mail!.id)).toBe('skipped');
  });

  it('answers an unknown address and a provider-only account as a local one, and e-mails neither', async () => {
    const local = await createTestOrganiser(system);
    const providerOnly = await createTestOrganiser(system);
    await system.deps.db.query(
      `update organiser_accounts set password_hash = null, oidc_issuer = 'https://idp.example', oidc_subject = $2
       where email = $1`,
      [providerOnly.email, `sub-${providerOnly.email}`],
    );
    const answers = await Promise.all(
      [local.email, providerOnly.email, 'ingen-konto@example.no'].map(async (email) => {
        const response = await askForLink(email, '203.0.113.3');
        return { status: response.status, body: await response.text() };
      }),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    await expect.poll(async () => (await resetMailsTo(local.email)).length, { timeout: 20_000 }).toBe(1);
    expect(await resetMailsTo(providerOnly.email)).toEqual([]);
    expect(await resetMailsTo('ingen-konto@example.no')).toEqual([]);
    const invalid = await askForLink('ikke-en-adresse', '203.0.113.3');
    expect(invalid.status).toBe(400);
  });

  it('limits links per address and per network address with 429 and Retry-After', async () => {
    const organiser = await createTestOrganiser(system);
    for (let i = 0; i < 3; i++)
      expect((await askForLink(organiser.email, `198.51.100.${i}`)).status).toBe(202);
    const perAccount = await askForLink(organiser.email, '198.51.100.9');
    expect(perAccount.status).toBe(429);
    expect(Number(perAccount.headers.get('retry-after'))).toBeGreaterThan(0);
    await expect.poll(async () => (await resetMailsTo(organiser.email)).length, { timeout: 20_000 }).toBe(3);

    for (let i = 0; i < 10; i++)
      expect((await askForLink(`ukjent-${i}@example.no`, '198.51.100.50')).status).toBe(202);
    const perAddress = await askForLink('enda-en@example.no', '198.51.100.50');
    expect(perAddress.status).toBe(429);
    expect(((await perAddress.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
  });

  it('refuses a reset form posted from another site', async () => {
    const response = await fetch(`${system.url}/api/auth/password-reset/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'noen@example.no' }),
    });
    expect(response.status).toBe(403);
  });
});
