import { describe, expect, it } from 'vitest';
import { renderJsonFeed } from './json-feed.ts';
import { renderRssFeed } from './rss-feed.ts';
import { sampleArchiveInput, sampleReplayInput } from './testing/fixtures.ts';

const base = 'https://opptak.example.no';

function twoReplays() {
  const older = sampleReplayInput();
  older.recording = {
    ...older.recording,
    id: 'older',
    title: 'Eldre',
    publishedAt: '2024-11-01T09:00:00.000Z',
  };
  const newer = sampleReplayInput({ event: null });
  newer.recording = {
    ...newer.recording,
    id: 'newer',
    title: 'Nyere',
    publishedAt: '2025-04-01T09:00:00.000Z',
  };
  return sampleArchiveInput([older, newer]);
}

describe('renderJsonFeed', () => {
  it('is a JSON Feed 1.1 with the download as attachment, newest first', () => {
    const feed = renderJsonFeed(twoReplays());
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${base}/feed.json`);
    expect(feed.home_page_url).toBe(`${base}/index.html`);
    expect(feed.language).toBe('nb');
    expect(feed.items.map((item) => item.title)).toEqual(['Nyere', 'Eldre']);
    expect(feed.items[1]).toEqual({
      id: `${base}/replays/older/index.html`,
      url: `${base}/replays/older/index.html`,
      title: 'Eldre',
      content_html: expect.stringContaining('<p>Fylkesdirektøren legger fram'),
      content_text: expect.stringContaining('Fylkesdirektøren legger fram'),
      summary: expect.stringContaining('Fylkesdirektøren'),
      image: `${base}/replays/older/v/20250312T081500Z-full/poster.jpg`,
      date_published: '2024-11-01T09:00:00.000Z',
      language: 'nb',
      authors: [{ name: 'Vestland fylkeskommune' }],
      attachments: [
        {
          url: `${base}/replays/older/v/20250312T081500Z-full/download.mp4`,
          mime_type: 'video/mp4',
          title: 'Eldre',
          size_in_bytes: 312_456_789,
          duration_in_seconds: 5429,
        },
      ],
    });
    expect(feed.items[0]?.content_text).toBe('Opptak av «Nyere».');
    expect(feed.items[0]?.authors).toBeUndefined();
  });

  it('is an empty list when nothing is published', () => {
    expect(renderJsonFeed(sampleArchiveInput([])).items).toEqual([]);
  });
});

describe('renderRssFeed', () => {
  const xml = renderRssFeed(twoReplays());

  it('is RSS 2.0 with a self link and the newest date as build date', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
      ),
    ).toBe(true);
    expect(xml).toContain(`<atom:link href="${base}/feed.xml" rel="self" type="application/rss+xml"/>`);
    expect(xml).toContain('<lastBuildDate>Tue, 01 Apr 2025 09:00:00 GMT</lastBuildDate>');
    expect(xml).toContain('<language>nb</language>');
  });

  it('has one item per replay, newest first, each with the download as enclosure', () => {
    expect(xml.match(/<item>/g)).toHaveLength(2);
    expect(xml.indexOf('<title>Nyere</title>')).toBeLessThan(xml.indexOf('<title>Eldre</title>'));
    expect(xml).toContain(`<guid isPermaLink="true">${base}/replays/older/index.html</guid>`);
    expect(xml).toContain('<pubDate>Fri, 01 Nov 2024 09:00:00 GMT</pubDate>');
    expect(xml).toContain(
      `<enclosure url="${base}/replays/older/v/20250312T081500Z-full/download.mp4" length="312456789" type="video/mp4"/>`,
    );
    expect(xml).toContain('<description>&lt;p&gt;Fylkesdirektøren legger fram');
  });

  it('has no build date when empty', () => {
    const empty = renderRssFeed(sampleArchiveInput([]));
    expect(empty).not.toContain('<item>');
    expect(empty).not.toContain('lastBuildDate');
  });
});

describe('feeds with a quick version, which has no download', () => {
  function withQuick() {
    const archive = twoReplays();
    const newer = archive.items[1]!;
    newer.version = { ...newer.version, id: '20250401T090000Z-quick', download: null, sprite: null };
    return archive;
  }

  it('leaves the attachment out of its JSON Feed item and keeps the other', () => {
    const feed = renderJsonFeed(withQuick());
    const [quick, full] = feed.items;
    expect(quick?.title).toBe('Nyere');
    expect(quick).not.toHaveProperty('attachments');
    expect(quick?.image).toBe(`${base}/replays/newer/v/20250401T090000Z-quick/poster.jpg`);
    expect(JSON.stringify(quick)).not.toMatch(/download/i);
    expect(full?.attachments?.[0]?.url).toBe(`${base}/replays/older/v/20250312T081500Z-full/download.mp4`);
  });

  it('gives its RSS item no enclosure, and the item is still whole', () => {
    const xml = renderRssFeed(withQuick());
    const items = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((match) => match[0]);
    expect(items).toHaveLength(2);
    const [quick, full] = items;
    expect(quick).toContain('<title>Nyere</title>');
    expect(quick).not.toContain('<enclosure');
    expect(quick).toMatch(
      /^<item>\n {6}<title>Nyere<\/title>\n {6}<link>[^<]+<\/link>\n {6}<guid isPermaLink="true">[^<]+<\/guid>\n {6}<pubDate>[^<]+<\/pubDate>\n {6}<description>[^<]+<\/description>\n {4}<\/item>$/,
    );
    expect(full).toContain(
      `<enclosure url="${base}/replays/older/v/20250312T081500Z-full/download.mp4" length="312456789" type="video/mp4"/>`,
    );
    expect(xml.match(/<enclosure /g)).toHaveLength(1);
  });
});
