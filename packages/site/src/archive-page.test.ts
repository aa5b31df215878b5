import { describe, expect, it } from 'vitest';
import { renderArchivePage } from './archive-page.ts';
import { linkedUrls, sampleArchiveInput, sampleEvent, sampleReplayInput } from './testing/fixtures.ts';

const base = 'https://opptak.example.no';

function replay(id: string, title: string, publishedAt: string) {
  const input = sampleReplayInput();
  input.recording = { ...input.recording, id, title, publishedAt };
  return input;
}

describe('renderArchivePage', () => {
  it('lists replays newest first with poster, alt text, date and duration', () => {
    const html = renderArchivePage(
      sampleArchiveInput([
        replay('old', 'Eldre møte', '2024-01-05T10:00:00Z'),
        replay('new', 'Nytt møte', '2025-05-01T10:00:00Z'),
      ]),
    );
    expect(html.indexOf('Nytt møte')).toBeLessThan(html.indexOf('Eldre møte'));
    expect(html).toContain('<p class="archive-count">2 opptak</p>');
    expect(html).toContain(
      `<img src="${base}/replays/new/v/20250312T081500Z-full/poster.jpg" alt="Stillbilde fra opptaket «Nytt møte»" width="1280" height="720" loading="lazy" decoding="async">`,
    );
    expect(html).toContain(`<a href="${base}/replays/new/index.html">Nytt møte</a>`);
    expect(html).toContain('<time datetime="2025-03-11T17:00:00.000Z">11. mars 2025</time>');
    expect(html).toContain('<span class="replay-card__duration" aria-hidden="true">1:30:29</span>');
    expect(html).toContain('<span class="visually-hidden">Varighet: </span>1 time 30 minutter');
  });

  it('shows an empty state and still links the feeds', () => {
    const html = renderArchivePage(sampleArchiveInput([]));
    expect(html).toContain('<p class="empty-state">Ingen opptak er publisert ennå.</p>');
    expect(html).not.toContain('<ul class="replay-list">');
    expect(html).toContain(`<a href="${base}/feed.xml" type="application/rss+xml">RSS-strøm</a>`);
    expect(html).toContain(`<a href="${base}/feed.json" type="application/feed+json">JSON Feed</a>`);
    expect(html).toContain(
      `<link rel="alternate" type="application/feed+json" title="Folkemøte" href="${base}/feed.json">`,
    );
  });

  it('marks a title whose event is in another language', () => {
    const html = renderArchivePage(
      sampleArchiveInput([sampleReplayInput({ event: sampleEvent({ language: 'nn' }) })]),
    );
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<h2 class="replay-card__title" lang="nn">');
  });

  it('shows a decorative placeholder for recordings without a poster', () => {
    const input = sampleReplayInput();
    input.version = { ...input.version, poster: null };
    const html = renderArchivePage(sampleArchiveInput([input]));
    expect(html).toContain('<div class="replay-card__placeholder" aria-hidden="true"><svg');
    expect(html).not.toContain('<img');
  });

  it('uses the site name and the archive language', () => {
    const html = renderArchivePage({ ...sampleArchiveInput(), locale: 'en', siteName: 'Nordland County' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Recordings – Nordland County</title>');
    expect(html).toContain('<h1 class="page-title">Recordings</h1>');
    for (const url of linkedUrls(html)) expect(url.startsWith(`${base}/`) || url === '#main', url).toBe(true);
  });
});

describe('the archive in each language', () => {
  it('is written in nb, nn and en, each offering the other two', () => {
    const items = [replay('a', 'Møte', '2025-05-01T10:00:00Z')];
    const nn = renderArchivePage({ ...sampleArchiveInput(items), locale: 'nn' });
    expect(nn).toContain('<html lang="nn">');
    expect(nn).toContain('<nav class="language-nav" aria-label="Språk">');
    expect(nn).toContain(`<a href="${base}/index.html" lang="nb" hreflang="nb">Bokmål</a>`);
    expect(nn).toContain(
      `<a href="${base}/nn/index.html" lang="nn" hreflang="nn" aria-current="page">Nynorsk</a>`,
    );
    expect(nn).toContain(`<a href="${base}/en/index.html" lang="en" hreflang="en">English</a>`);
    expect(nn).toContain(`<link rel="canonical" href="${base}/nn/index.html">`);
    expect(nn).toContain(`<link rel="alternate" hreflang="en" href="${base}/en/index.html">`);
    expect(nn).toContain('<time datetime="2025-03-11T17:00:00.000Z">11. mars 2025</time>');
    const en = renderArchivePage({ ...sampleArchiveInput(items), locale: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<time datetime="2025-03-11T17:00:00.000Z">11 March 2025</time>');
    expect(en).toContain(`<a class="site-name" href="${base}/en/index.html">`);
  });
});
