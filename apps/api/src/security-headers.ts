import helmet from '@fastify/helmet';
import type { Config } from '@folkemote/config';
import type { FastifyInstance } from 'fastify';

/** A year, the usual HSTS lifetime: browsers that saw it once never try plain http again. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * What the web app loads, and from where: its own scripts, styles, images and fonts, the API on
 * the same origin, and the LiveKit server over WebSocket (with HTTP for the error check
 * livekit-client makes when a connection fails). blob: and data: cover media previews and
 * inline icons of the LiveKit styles. No page of ours may be framed by another site.
 */
export function contentSecurityPolicy(
  livekitPublicUrl: string,
  /** Where organisers' browsers PUT the parts of a recording upload (presigned S3 URLs). */
  uploadEndpoint?: string,
): Record<string, string[]> {
  const livekit = new URL(livekitPublicUrl);
  const upload = uploadEndpoint && URL.canParse(uploadEndpoint) ? [new URL(uploadEndpoint).origin] : [];
  const livekitHttp = `${livekit.protocol === 'wss:' ? 'https:' : 'http:'}//${livekit.host}`;
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", `${livekit.protocol}//${livekit.host}`, livekitHttp, ...upload],
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
export async function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'livekit' | 's3'>) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(
        config.livekit.publicUrl,
        config.s3.browserEndpoint ?? config.s3.endpoint,
      ),
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
