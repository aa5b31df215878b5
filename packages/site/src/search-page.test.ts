import { describe, expect, it } from 'vitest';
import { renderArchivePage } from './archive-page.ts';
import { renderSearchPage } from './search-page.ts';
import { sampleArchiveInput } from './testing/fixtures.ts';

const baseUrl = 'https://opptak.example.no';

describe('the search page', () => {
  it('has a labelled search field, a live status line and the search script, in bokmål', () => {
    const html = renderSearchPage({ baseUrl, locale: 'nb' });
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<h1 class="page-title">Søk i opptak</h1>');
    expect(html).toContain('<form class="search-form" role="search" data-search');
    expect(html).toContain('<label class="field-label" id="search-label" for="search-query">Søkeord</label>');
    expect(html).toMatch(
      /<input class="search-form__input" id="search-query" name="q" type="search"[^>]*aria-describedby="search-hint">/,
    );
    expect(html).toContain(
      '<p class="search-status" role="status" aria-live="polite" data-search-status></p>',
    );
    expect(html).toContain(`data-index="${baseUrl}/search-index.json"`);
    expect(html).toContain(`<script type="module" src="${baseUrl}/assets/search.js"></script>`);
    expect(html).toContain(`<link rel="modulepreload" href="${baseUrl}/assets/search-core.js">`);
    expect(html).toContain('data-msg-count-other="{count} opptak passer til «{query}».');
    expect(html).toContain('<noscript>');
    expect(html).not.toContain('player.js');
  });

  it('exists in nynorsk and English, each linking the other languages', () => {
    const nn = renderSearchPage({ baseUrl, locale: 'nn' });
    expect(nn).toContain('<html lang="nn">');
    expect(nn).toContain('>Søkjeord</label>');
    expect(nn).toContain(`<link rel="canonical" href="${baseUrl}/nn/search.html">`);
    const en = renderSearchPage({ baseUrl, locale: 'en' });
    expect(en).toContain('<h1 class="page-title">Search recordings</h1>');
    expect(en).toContain(`href="${baseUrl}/search.html" lang="nb" hreflang="nb"`);
    expect(en).toContain(`href="${baseUrl}/en/search.html" lang="en" hreflang="en" aria-current="page"`);
  });

  it('escapes the site name like every other page', () => {
    const html = renderSearchPage({ baseUrl, locale: 'nb', siteName: '<script>alert(1)</script>"' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
  });

  it('is linked from the archive in each language', () => {
    expect(renderArchivePage(sampleArchiveInput())).toContain(
      `<a href="${baseUrl}/search.html">Søk i opptakene</a>`,
    );
    expect(renderArchivePage({ ...sampleArchiveInput(), locale: 'en' })).toContain(
      `<a href="${baseUrl}/en/search.html">Search the recordings</a>`,
    );
  });
});
