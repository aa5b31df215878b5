import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SiteAsset } from './types.ts';

const require = createRequire(import.meta.url);

/** The names pages refer to under `assets/`; the worker uploads exactly these. */
export const siteAssetNames = [
  'player.js',
  'site.css',
  'favicon.svg',
  'hls.min.js',
  'transcript.js',
  'search.js',
  'search-core.js',
  'live.js',
] as const;

// Scripts of our own served as they are written: the replay page's transcript, the search page
// and the folding and search code it shares with the index writer, and the live page's script.
const ownScripts = ['transcript.js', 'search.js', 'search-core.js', 'live.js'] as const;

/**
 * The static files every page needs. hls.js is the full build, not the light one: the light build
 * cannot play a ladder whose audio is a separate rendition group.
 */
export async function siteAssets(): Promise<SiteAsset[]> {
  const scripts = await Promise.all(
    ownScripts.map(async (name) => ({
      name,
      body: await readFile(new URL(`./assets/${name}`, import.meta.url), 'utf8'),
      contentType: 'text/javascript; charset=utf-8',
    })),
  );
  const [player, css, icon, hls] = await Promise.all([
    readFile(new URL('./assets/player.js', import.meta.url), 'utf8'),
    readFile(new URL('./assets/site.css', import.meta.url), 'utf8'),
    readFile(new URL('./assets/favicon.svg', import.meta.url), 'utf8'),
    readFile(require.resolve('hls.js/dist/hls.min.js'), 'utf8'),
  ]);
  return [
    { name: 'player.js', body: player, contentType: 'text/javascript; charset=utf-8' },
    { name: 'site.css', body: css, contentType: 'text/css; charset=utf-8' },
    // Without an icon of its own, every browser asks for /favicon.ico and gets a 404.
    { name: 'favicon.svg', body: icon, contentType: 'image/svg+xml' },
    {
      name: 'hls.min.js',
      // The source map is not published, so the pointer to it would only produce 404s.
      body: hls.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'),
      contentType: 'text/javascript; charset=utf-8',
    },
    ...scripts,
  ];
}
