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
 * With the public site's address, the organiser's editors may play a recording's preview from
 * its origin (playlists, segments, captions, the seek sprite) and run the site's own hls.js
 * (script, under the site's path only).
 */
export function contentSecurityPolicy(
  livekitPublicUrl: string,
  origins: {
    /** The public site: the organiser's editors play a recording's preview from it. */
    publicSiteUrl?: string;
    /** Where organisers' browsers PUT the parts of a recording upload (presigned S3 URLs). */
    uploadEndpoint?: string;
  } = {},
): Record<string, string[]> {
  const livekit = new URL(livekitPublicUrl);
  const { publicSiteUrl, uploadEndpoint } = origins;
  const upload = uploadEndpoint && URL.canParse(uploadEndpoint) ? [new URL(uploadEndpoint).origin] : [];
  const livekitHttp = `${livekit.protocol === 'wss:' ? 'https:' : 'http:'}//${livekit.host}`;
  const site = publicSiteUrl ? [`${publicSiteUrl.replace(/\/+$/, '')}/`] : [];
  const replays = publicSiteUrl ? [new URL(publicSiteUrl).origin] : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...site],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...replays],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:', ...replays],
    'connect-src': ["'self'", `${livekit.protocol}//${livekit.host}`, livekitHttp, ...replays, ...upload],
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
  config: Pick<Config, 'livekit' | 's3'>,
  /** Where the public site is served from, as the storage settings in force say. */
  publicBaseUrl = config.s3.publicBaseUrl,
) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(config.livekit.publicUrl, {
        publicSiteUrl: publicBaseUrl,
        uploadEndpoint: config.s3.browserEndpoint ?? config.s3.endpoint,
      }),
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
