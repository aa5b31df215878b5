import helmet from '@fastify/helmet';
import type { Config } from '@folkemote/config';
import type { FastifyInstance } from 'fastify';

/** A year, the usual HSTS lifetime: browsers that saw it once never try plain http again. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * What the web app loads, and from where: its own scripts, styles, images and fonts, the API on
 * the same origin, and the LiveKit server over WebSocket (with HTTP for the error check
 * livekit-client makes when a connection fails). blob: and data: cover media previews and
 * inline icons of the LiveKit styles. The public bucket's origin, when given, is where the
 * organiser's previews of a recording play from (playlists, segments, the seek sprite). No page
 * of ours may be framed by another site.
 */
export function contentSecurityPolicy(
  livekitPublicUrl: string,
  publicBaseUrl?: string,
): Record<string, string[]> {
  const livekit = new URL(livekitPublicUrl);
  const livekitHttp = `${livekit.protocol === 'wss:' ? 'https:' : 'http:'}//${livekit.host}`;
  const replays = publicBaseUrl ? [new URL(publicBaseUrl).origin] : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...replays],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:', ...replays],
    'connect-src': ["'self'", `${livekit.protocol}//${livekit.host}`, livekitHttp, ...replays],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * Security headers on every answer (@fastify/helmet): the CSP above, X-Content-Type-Options,
 * Referrer-Policy and the rest of helmet's defaults. Strict-Transport-Security only when the
 * request came over TLS, as the trusted proxy says (TRUST_PROXY_HOPS): a plain-http install
 * (development, a test) must not pin itself to https.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  config: Pick<Config, 'livekit'>,
  publicBaseUrl?: string,
) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(config.livekit.publicUrl, publicBaseUrl),
    },
    // "no-referrer" would make browsers send `Origin: null` on our own POSTs, which the CSRF check refuses.
    referrerPolicy: { policy: 'same-origin' },
    // The same as frame-ancestors 'none', for browsers that know only X-Frame-Options.
    frameguard: { action: 'deny' },
    hsts: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
