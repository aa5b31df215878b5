import { describe, expect, it } from 'vitest';
import { cacheControlFor, IMMUTABLE_CACHE_CONTROL, SHORT_CACHE_CONTROL } from './cache-control.ts';
import { publicKeys } from './keys.ts';

const version = publicKeys.versionPrefix('rec1', 'ver1');

describe('cacheControlFor', () => {
  it.each([
    `${version}720p/seg_00001.m4s`,
    `${version}720p/init.mp4`,
    `${version}download.mp4`,
    `${version}audio/seg_00001.m4a`,
    `${version}poster.jpg`,
    `${version}sprite.jpg`,
    `${version}sprite.vtt`,
    `${version}thumbnails.vtt`,
    'assets/player.3f9a1c2b.js',
    publicKeys.captions('rec1', { language: 'nb', kind: 'captions' }, '3f9a1c2b7d4e'),
  ])('caches %s for a year', (key) => {
    expect(cacheControlFor(key)).toBe(IMMUTABLE_CACHE_CONTROL);
  });

  it.each([
    `${version}master.m3u8`,
    `${version}720p/index.m3u8`,
    `${version}captions/nb.vtt`,
    `${version}manifest.json`,
    publicKeys.replayPage('rec1'),
    publicKeys.embedPage('rec1'),
    publicKeys.oembed('rec1'),
    publicKeys.pointer('rec1'),
    publicKeys.archivePage(),
    publicKeys.jsonFeed(),
    publicKeys.rssFeed(),
    publicKeys.asset('player.js'),
  ])('keeps %s short', (key) => {
    expect(cacheControlFor(key)).toBe(SHORT_CACHE_CONTROL);
  });

  it('does not treat media outside a version prefix as immutable', () => {
    expect(cacheControlFor('replays/rec1/poster.jpg')).toBe(SHORT_CACHE_CONTROL);
  });
});
