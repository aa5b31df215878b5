import { describe, expect, it } from 'vitest';
import { renderArchivePage } from './archive-page.ts';
import { renderEmbedPage } from './embed-page.ts';
import { renderLivePage } from './live-page.ts';
import { renderReplayPage } from './replay-page.ts';
import { renderSearchPage } from './search-page.ts';
import { siteAssetNames, siteAssets } from './site-assets.ts';
import { linkedUrls, sampleArchiveInput, sampleLiveInput, sampleReplayInput } from './testing/fixtures.ts';

describe('siteAssets', () => {
  it('returns the player script, the stylesheet, the icon and hls.js with their types', async () => {
    const assets = await siteAssets();
    expect(assets.map((asset) => asset.name)).toEqual([...siteAssetNames]);
    const byName = new Map(assets.map((asset) => [asset.name, asset]));
    expect(byName.get('player.js')?.contentType).toBe('text/javascript; charset=utf-8');
    expect(String(byName.get('player.js')?.body)).toContain('canPlayType(HLS_TYPE)');
    expect(byName.get('site.css')?.contentType).toBe('text/css; charset=utf-8');
    expect(String(byName.get('site.css')?.body)).toContain('prefers-reduced-motion: reduce');
    expect(byName.get('favicon.svg')?.contentType).toBe('image/svg+xml');
    const hls = String(byName.get('hls.min.js')?.body);
    expect(hls.length).toBeGreaterThan(100_000);
    expect(hls).toContain('isSupported');
    expect(hls).not.toContain('sourceMappingURL');
  });

  it('provides every asset a page refers to', async () => {
    const names = new Set((await siteAssets()).map((asset) => asset.name));
    const pages = [
      renderReplayPage(sampleReplayInput()),
      renderEmbedPage(sampleReplayInput()),
      renderArchivePage(sampleArchiveInput()),
      renderSearchPage({ baseUrl: sampleArchiveInput().baseUrl, locale: 'nb' }),
      renderLivePage(sampleLiveInput()),
    ];
    const referenced = new Set(
      pages.flatMap(linkedUrls).flatMap((url) => /\/assets\/([^/]+)$/.exec(url)?.[1] ?? []),
    );
    expect([...referenced].sort()).toEqual([...names].sort());
  });
});
