import { randomBytes } from 'node:crypto';
import type { Config } from '@folkemote/config';
import {
  ensureAppSecret,
  findOrganiserAccountByEmail,
  findOrganiserAccountByOidcSubject,
  linkOrganiserAccountOidc,
  type Queryable,
} from '@folkemote/db';
import type { Redis } from 'ioredis';
import * as oidc from 'openid-client';
import {
  bindingCookie,
  clearBindingCookie,
  hashBindingNonce,
  isSameBrowser,
  newBindingNonce,
  OIDC_BINDING_TTL_SECONDS,
  readBindingNonce,
} from './oidc-browser-binding.ts';

export type OidcSettings = NonNullable<Config['auth']['oidc']>;

export type OidcOutcome =
  | { ok: true; accountId: string; next: string }
  | {
      ok: false;
      reason: 'unknown_state' | 'other_browser' | 'provider_error' | 'email_not_verified' | 'no_account';
    };

export interface OidcSignIn {
  /**
   * Where to send the browser to sign in (`next` is where it lands afterwards), and the
   * Set-Cookie value that ties the sign-in to this browser.
   */
  start(next: string): Promise<{ url: URL; cookie: string }>;
  /**
   * Finishes the authorization code flow from the callback URL the provider redirected to, for
   * the browser whose Cookie header is given. `clearCookie` is the Set-Cookie that ends the binding.
   */
  finish(callbackUrl: URL, cookieHeader: string | undefined): Promise<OidcOutcome>;
  readonly clearCookie: string;
}

const PENDING_TTL_SECONDS = OIDC_BINDING_TTL_SECONDS;

/** A local path only, so a crafted `next` cannot send a signed-in organiser to another site. */
export function safeNextPath(next: string | undefined, fallback = '/organiser/events'): string {
  return next && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : fallback;
}

/**
 * Sign-in at the configured OpenID Connect provider: authorization code flow with
 * PKCE, state and nonce kept in Redis for ten minutes, and bound to the browser that
 * started it by a signed cookie (oidc-browser-binding.ts). The provider vouches for
 * the e-mail address; the account (and so the organisation) must exist here
 * already — a provider sign-in never creates one. The subject is linked on first
 * use, so a later change of address at the provider keeps the account.
 */
export function createOidcSignIn(deps: {
  db: Queryable;
  redis: Redis;
  settings: OidcSettings;
  publicAppUrl: string;
  keyPrefix: string;
}): OidcSignIn {
  const issuerUrl = new URL(deps.settings.issuer);
  // Plain http is allowed only for a provider on this machine (development and tests).
  const local =
    issuerUrl.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuerUrl.hostname);
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        issuerUrl,
        deps.settings.clientId,
        undefined,
        oidc.ClientSecretPost(deps.settings.clientSecret),
        local ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((err) => {
        discovered = null;
        throw err;
      });
    return discovered;
  };
  const redirectUri = `${deps.publicAppUrl}/api/auth/oidc/callback`;
  const pendingKey = (state: string) => `${deps.keyPrefix}:oidc-pending:${state}`;
  const secure = deps.publicAppUrl.startsWith('https:');
  // The cookie's signing key, made once and shared by every API instance through the database.
  let signingSecret: Promise<string> | null = null;
  const secret = () => {
    signingSecret ??= ensureAppSecret(deps.db, 'oidc-browser-binding').catch((err) => {
      signingSecret = null;
      throw err;
    });
    return signingSecret;
  };

  return {
    async start(next) {
      const config = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = randomBytes(24).toString('base64url');
      const nonce = randomBytes(24).toString('base64url');
      const browserNonce = newBindingNonce();
      await deps.redis.set(
        pendingKey(state),
        JSON.stringify({
          codeVerifier,
          nonce,
          next: safeNextPath(next),
          browser: hashBindingNonce(browserNonce),
        }),
        'EX',
        PENDING_TTL_SECONDS,
      );
      const cookie = bindingCookie(browserNonce, { secret: await secret(), secure });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, cookie };
    },

    clearCookie: clearBindingCookie({ secure }),

    async finish(callbackUrl, cookieHeader) {
      const state = callbackUrl.searchParams.get('state');
      // getdel: a state is good for one callback only.
      const raw = state ? await deps.redis.getdel(pendingKey(state)) : null;
      if (!state || !raw) return { ok: false, reason: 'unknown_state' };
      const pending = JSON.parse(raw) as {
        codeVerifier: string;
        nonce: string;
        next: string;
        browser: string;
      };
      // Checked before the code is redeemed: a callback from another browser gets nothing from the provider.
      const browserNonce = readBindingNonce(cookieHeader, { secret: await secret(), secure });
      if (!isSameBrowser(browserNonce, pending.browser)) return { ok: false, reason: 'other_browser' };
      let claims: oidc.IDToken | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(await configuration(), callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch {
        return { ok: false, reason: 'provider_error' };
      }
      if (!claims) return { ok: false, reason: 'provider_error' };
      const issuer = claims.iss;
      const linked = await findOrganiserAccountByOidcSubject(deps.db, issuer, claims.sub);
      if (linked) return { ok: true, accountId: linked.id, next: pending.next };
      if (typeof claims.email !== 'string' || claims.email_verified !== true)
        return { ok: false, reason: 'email_not_verified' };
      const account = await findOrganiserAccountByEmail(deps.db, claims.email);
      // An account linked to another subject is not taken over by a second identity with the same address.
      if (!account || account.oidcSubject) return { ok: false, reason: 'no_account' };
      await linkOrganiserAccountOidc(deps.db, account.id, issuer, claims.sub);
      return { ok: true, accountId: account.id, next: pending.next };
    },
  };
}
