import { describe, expect, it } from 'vitest';
import { renderEmbedPage } from './embed-page.ts';
import { sampleReplayInput } from './testing/fixtures.ts';

const base = 'https://opptak.example.no';
const id = '0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b';

describe('renderEmbedPage', () => {
  const html = renderEmbedPage(sampleReplayInput());

  it('is the player alone, with a hidden heading and no site chrome', () => {
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<body class="embed">');
    expect(html).toContain('<h1 class="visually-hidden">Budsjettmøte 2026</h1>');
    expect(html).toContain('<div class="player player--embed player--video" data-player');
    expect(html).not.toContain('site-header');
    expect(html).not.toContain('embed-code');
  });

  it('sends viewers who cannot play it to the full replay page', () => {
    expect(html).toContain(
      `<a href="${base}/replays/${id}/index.html" target="_blank" rel="noopener">Se opptaket på Folkemøte</a>`,
    );
    expect(html).toContain(`<link rel="canonical" href="${base}/replays/${id}/index.html">`);
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('does not offer a download in its messages while the version has none', () => {
    const input = sampleReplayInput();
    input.version = { ...input.version, download: null };
    const quick = renderEmbedPage(input);
    expect(quick).toContain('data-msg-unsupported="Nettleseren din kan ikke spille av dette opptaket."');
    expect(quick).toContain('<p>Avspilleren trenger JavaScript.</p>');
    expect(quick).toContain(`<a href="${base}/replays/${id}/index.html" target="_blank" rel="noopener">`);
    expect(quick).not.toMatch(/download|laste ned/i);
  });
});
