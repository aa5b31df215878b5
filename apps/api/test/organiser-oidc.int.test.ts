import { findOrganiserAccountByEmail } from '@folkemote/db';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganiser, freePort } from '../src/testing/index.ts';
import { startMinimalOidcProvider } from './support/minimal-oidc-provider.ts';

const client = { id: 'folkemote', secret: 'provider-secret' };
let provider: Awaited<ReturnType<typeof startMinimalOidcProvider>>;
let system: TestSystem;

beforeAll(async () => {
  provider = await startMinimalOidcProvider(client);
  system = await startOnFreePort();
});

/**
 * The app's own address goes into its settings (the provider redirects back to it), so the port is
 * chosen before the server listens; another test may take it in between, and then a new one is tried.
 */
async function startOnFreePort(attempts = 3): Promise<TestSystem> {
  const port = await freePort();
  try {
    return await startTestSystem({
      PORT: String(port),
      PUBLIC_APP_URL: `http://localhost:${port}`,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: client.id,
      OIDC_CLIENT_SECRET: client.secret,
    });
  } catch (error) {
    const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (!taken || attempts <= 1) throw error;
    return startOnFreePort(attempts - 1);
  }
}
afterAll(async () => {
  await system?.stop();
  await provider?.close();
});

/** The start of a sign-in: the provider's URL, and the cookie that ties the sign-in to the browser. */
async function startSignIn(next = '/organiser/events') {
  const start = await fetch(`${system.url}/api/auth/oidc/start?next=${encodeURIComponent(next)}`, {
    redirect: 'manual',
  });
  expect(start.status).toBe(302);
  const setCookie = start.headers.get('set-cookie') ?? '';
  return {
    authorize: new URL(start.headers.get('location')!),
    setCookie,
    browserCookie: setCookie.split(';')[0]!,
  };
}

/** The provider signs the user in and sends the browser back with a callback link. */
async function callbackFromProvider(authorize: URL) {
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  return atProvider.headers.get('location')!;
}

/** The session cookie a response sets, if any (the binding cookie is cleared alongside it). */
const sessionCookieOf = (response: Response) =>
  response.headers.getSetCookie().find((c) => c.startsWith('folkemote_session='));

/** Start → provider → callback, as the browser would follow the redirects. */
async function signInAtProvider(next = '/organiser/events') {
  const { authorize, setCookie, browserCookie } = await startSignIn(next);
  const callback = await callbackFromProvider(authorize);
  const back = await fetch(callback, { redirect: 'manual', headers: { cookie: browserCookie } });
  return { authorize, callback, back, setCookie, browserCookie };
}

describe('sign-in through OpenID Connect', () => {
  it('is offered when a provider is configured', async () => {
    expect(await (await fetch(`${system.url}/api/auth/options`)).json()).toEqual({
      password: true,
      oidc: true,
    });
  });

  it('signs in the account with the provider’s verified e-mail, with PKCE, and links the subject', async () => {
    const organiser = await createTestOrganiser(system, { email: 'kari@testkommune.example.no' });
    provider.signInNext({ sub: 'entra-123', email: 'Kari@Testkommune.example.no', email_verified: true });
    const { authorize, back, setCookie } = await signInAtProvider('/organiser/events/new');
    // The start ties the sign-in to this browser with a short-lived, HttpOnly, SameSite=Lax cookie.
    expect(setCookie).toMatch(/^folkemote_oidc=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600$/);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${system.url}/api/auth/oidc/callback`);
    expect(authorize.searchParams.get('scope')).toBe('openid email profile');
    expect(provider.tokenRequests.at(-1)?.code_verifier).toMatch(/^[\w-]{43,128}$/);

    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/organiser/events/new');
    const cookie = sessionCookieOf(back)!.split(';')[0]!;
    // The browser binding is used up.
    expect(back.headers.getSetCookie()).toContain(
      'folkemote_oidc=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0',
    );
    const session = await fetch(`${system.url}/api/auth/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ account: { email: organiser.email } });
    const account = await findOrganiserAccountByEmail(system.deps.db, organiser.email);
    expect(account).toMatchObject({ oidcIssuer: provider.issuer, oidcSubject: 'entra-123' });

    // Later sign-ins follow the subject, even after the address changes at the provider.
    provider.signInNext({ sub: 'entra-123', email: 'kari.ny@testkommune.example.no', email_verified: true });
    const again = await signInAtProvider();
    expect(again.back.headers.get('location')).toBe('/organiser/events');
  });

  it('refuses an unverified address, an unknown one, and a replayed callback', async () => {
    await createTestOrganiser(system, { email: 'ola@testkommune.example.no' });
    provider.signInNext({ sub: 'entra-456', email: 'ola@testkommune.example.no', email_verified: false });
    const unverified = await signInAtProvider();
    expect(unverified.back.headers.get('location')).toBe('/organiser/sign-in?error=email_not_verified');
    expect(sessionCookieOf(unverified.back)).toBeUndefined();

    provider.signInNext({ sub: 'entra-789', email: 'ukjent@example.no', email_verified: true });
    const unknown = await signInAtProvider();
    expect(unknown.back.headers.get('location')).toBe('/organiser/sign-in?error=no_account');

    const replay = await fetch(unknown.callback, {
      redirect: 'manual',
      headers: { cookie: unknown.browserCookie },
    });
    expect(replay.headers.get('location')).toBe('/organiser/sign-in?error=unknown_state');
  });

  it('refuses a callback in another browser than the one that started the sign-in (login CSRF)', async () => {
    await createTestOrganiser(system, { email: 'angriper@testkommune.example.no' });
    // Someone starts a sign-in to their own account, stops at the callback link and gets a
    // visitor to open it: a browser with no binding cookie, or with one of its own sign-in.
    const visitor = await startSignIn();
    const browsers: Record<string, string>[] = [{}, { cookie: visitor.browserCookie }];
    for (const headers of browsers) {
      provider.signInNext({
        sub: 'entra-angriper',
        email: 'angriper@testkommune.example.no',
        email_verified: true,
      });
      const link = await callbackFromProvider((await startSignIn()).authorize);
      const redeemed = provider.tokenRequests.length;
      const back = await fetch(link, { redirect: 'manual', headers });
      expect(back.headers.get('location')).toBe('/organiser/sign-in?error=other_browser');
      expect(sessionCookieOf(back)).toBeUndefined();
      // The code was never redeemed at the provider.
      expect(provider.tokenRequests.length).toBe(redeemed);
    }

    // A binding cookie that is not ours (a forged signature) is refused too.
    provider.signInNext({
      sub: 'entra-angriper',
      email: 'angriper@testkommune.example.no',
      email_verified: true,
    });
    const again = await startSignIn();
    const forged = again.browserCookie.replace(/\.[^.]+$/, '.forged');
    const back = await fetch(await callbackFromProvider(again.authorize), {
      redirect: 'manual',
      headers: { cookie: forged },
    });
    expect(back.headers.get('location')).toBe('/organiser/sign-in?error=other_browser');
    expect(sessionCookieOf(back)).toBeUndefined();
  });

  it('never redirects to another site after sign-in', async () => {
    await createTestOrganiser(system, { email: 'per@testkommune.example.no' });
    provider.signInNext({ sub: 'entra-per', email: 'per@testkommune.example.no', email_verified: true });
    const { back } = await signInAtProvider('//evil.example/phish');
    expect(back.headers.get('location')).toBe('/organiser/events');
  });
});
