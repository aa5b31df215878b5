import { describe, expect, it } from 'vitest';
// The site may depend on the domain package only, so the key layout is read straight from its file
// to check that the URLs pages link to are the keys the worker writes.
import { publicKeys } from '../../storage/src/keys.ts';
import { siteUrls } from './urls.ts';

const base = 'https://opptak.example.no';

describe('siteUrls', () => {
  it('points at the keys the public bucket uses', () => {
    expect(siteUrls.archive(base)).toBe(`${base}/${publicKeys.archivePage()}`);
    expect(siteUrls.replay(base, 'r1')).toBe(`${base}/${publicKeys.replayPage('r1')}`);
    expect(siteUrls.embed(base, 'r1')).toBe(`${base}/${publicKeys.embedPage('r1')}`);
    expect(siteUrls.oembed(base, 'r1')).toBe(`${base}/${publicKeys.oembed('r1')}`);
    expect(siteUrls.versionFile(base, 'r1', 'v1', 'master.m3u8')).toBe(
      `${base}/${publicKeys.versionPrefix('r1', 'v1')}master.m3u8`,
    );
    expect(siteUrls.broadcastManifest(base, 'b1')).toBe(`${base}/${publicKeys.broadcastManifest('b1')}`);
    expect(siteUrls.broadcastHighlight(base, 'b1')).toBe(`${base}/${publicKeys.broadcastHighlight('b1')}`);
    expect(`${siteUrls.broadcastBase(base, 'b1')}live/`).toBe(
      `${base}/${publicKeys.broadcastStreamPrefix('b1')}`,
    );
    expect(siteUrls.search(base)).toBe(`${base}/${publicKeys.searchPage()}`);
    expect(siteUrls.search(base, 'nn')).toBe(`${base}/${publicKeys.searchPage('nn')}`);
    expect(siteUrls.search(base, 'en')).toBe(`${base}/${publicKeys.searchPage('en')}`);
    expect(siteUrls.searchIndex(base)).toBe(`${base}/${publicKeys.searchIndex()}`);
    expect(siteUrls.jsonFeed(base)).toBe(`${base}/${publicKeys.jsonFeed()}`);
    expect(siteUrls.rssFeed(base)).toBe(`${base}/${publicKeys.rssFeed()}`);
    expect(siteUrls.asset(base, 'player.js')).toBe(`${base}/${publicKeys.asset('player.js')}`);
  });
});
