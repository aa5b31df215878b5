import { describe, expect, it } from 'vitest';
import { renderReplayPage } from './replay-page.ts';
import { linkedUrls, sampleEvent, sampleReplayInput } from './test-fixtures.ts';

const base = 'https://opptak.example.no';
const recordingId = '0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
const versionPrefix = `${base}/replays/${recordingId}/v/20250312T081500Z-full/`;

describe('renderReplayPage', () => {
  const html = renderReplayPage(sampleReplayInput());

  it('is a bokmål HTML document with a title and description', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="nb">')).toBe(true);
    expect(html).toContain('<title>Budsjettmøte 2026 – Folkemøte</title>');
    expect(html).toContain(
      '<meta name="description" content="Fylkesdirektøren legger fram forslaget til budsjett og økonomiplan. Etter innledningen',
    );
    expect(html).toContain('<h1 class="page-title">Budsjettmøte 2026</h1>');
  });

  it('has a video with poster, controls and captions, played by player.js', () => {
    expect(html).toContain(
      `<video class="player__media" controls playsinline preload="metadata" width="1920" height="1080" poster="${versionPrefix}poster.jpg">`,
    );
    expect(html).toContain(
      `<track kind="captions" src="${versionPrefix}captions/nb.vtt" srclang="nb" label="Norsk (bokmål)">`,
    );
    expect(html).toContain(`data-src="${versionPrefix}master.m3u8"`);
    expect(html).toContain(`data-hls-src="${base}/assets/hls.min.js"`);
    expect(html).toContain(`<script src="${base}/assets/player.js" defer></script>`);
    expect(html).toContain('data-msg-unsupported="Nettleseren din kan ikke spille av dette opptaket.');
  });

  it('offers the download with its size, the duration and the event details', () => {
    expect(html).toContain(
      `<a class="button" href="${versionPrefix}download.mp4" download type="video/mp4">Last ned video <span class="button__hint">(MP4, 312,5 MB)</span></a>`,
    );
    expect(html).toContain('<time datetime="PT1H30M29S">1 time 30 minutter</time>');
    expect(html).toContain(
      '<time datetime="2025-03-11T17:00:00.000Z">tirsdag 11. mars 2025, 18:00–19:30</time>',
    );
    expect(html).toContain('<dd>Vestland fylkeskommune</dd>');
    expect(html).toContain('<p class="about__event-title">Folkemøte om budsjettet for 2026</p>');
    expect(html).toContain(
      '<p>Etter innledningen svarer politikerne på spørsmål fra innbyggerne.<br>\nSpørsmål kan sendes inn på forhånd.</p>',
    );
  });

  it('shows the contact person with e-mail and phone links', () => {
    expect(html).toContain('<p class="contact__name">Kari Nordmann</p>');
    expect(html).toContain('<a href="mailto:kari.nordmann@example.no">kari.nordmann@example.no</a>');
    expect(html).toContain('<a href="tel:+4755639000">+47 55 63 90 00</a>');
  });

  it('links back to the archive and announces oEmbed, feeds and Open Graph data', () => {
    expect(html).toContain(`<p class="back-link"><a href="${base}/index.html">`);
    expect(html).toContain(
      `<link rel="alternate" type="application/json+oembed" href="${base}/replays/${recordingId}/oembed.json" title="Budsjettmøte 2026">`,
    );
    expect(html).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Folkemøte" href="${base}/feed.xml">`,
    );
    expect(html).toContain(`<meta property="og:image" content="${versionPrefix}poster.jpg">`);
    expect(html).toContain(`<meta property="og:url" content="${base}/replays/${recordingId}/index.html">`);
    expect(html).toContain('<meta property="og:locale" content="nb_NO">');
  });

  it('has an embed snippet in a labelled read-only textarea and a copy button', () => {
    expect(html).toContain('<label class="field-label" for="embed-code">HTML-kode for avspilleren</label>');
    expect(html).toContain(
      `<textarea id="embed-code" class="embed-code" readonly rows="4" spellcheck="false" aria-describedby="embed-intro">&lt;iframe src=&quot;${base}/replays/${recordingId}/embed.html&quot; width=&quot;640&quot; height=&quot;360&quot;`,
    );
    expect(html).toMatch(
      /<button type="button" class="button button--secondary" data-copy-target="embed-code"[^>]*hidden>Kopier koden<\/button>/,
    );
    expect(html).toContain('<p class="copy-status" role="status" data-copy-status></p>');
  });

  it('links to nothing outside the public base URL except mail and phone', () => {
    const urls = linkedUrls(html);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(
        url.startsWith(`${base}/`) || url.startsWith('mailto:') || url.startsWith('tel:') || url === '#main',
        url,
      ).toBe(true);
    }
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src ${base};`,
    );
  });

  it('uses the event language, nynorsk here, for lang and every text', () => {
    const nynorsk = renderReplayPage(sampleReplayInput({ event: sampleEvent({ language: 'nn' }) }));
    expect(nynorsk).toContain('<html lang="nn">');
    expect(nynorsk).toContain('Hopp til hovudinnhaldet');
    expect(nynorsk).toContain('<dt>Lengd</dt>');
    expect(nynorsk).toContain('tysdag 11. mars 2025');
  });

  it('falls back to the input locale and plain recording facts without an event', () => {
    const page = renderReplayPage(sampleReplayInput({ event: null, locale: 'en' }));
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h2 id="about-heading">About the recording</h2>');
    expect(page).not.toContain('contact-heading');
    expect(page).toContain('<meta name="description" content="Recording of “Budsjettmøte 2026”.">');
  });

  it('uses an <audio> element for audio without poster or captions', () => {
    const input = sampleReplayInput();
    input.version = {
      ...input.version,
      hasVideo: false,
      poster: null,
      captions: [],
      download: { file: 'download.m4a', contentType: 'audio/mp4', bytes: 1_000_000 },
    };
    const page = renderReplayPage(input);
    expect(page).toContain('<audio class="player__media" controls preload="metadata"></audio>');
    expect(page).not.toContain('<video');
    expect(page).toContain('Last ned lyd <span class="button__hint">(M4A, 1 MB)</span>');
    expect(page).not.toContain('og:image');
  });

  it('keeps a video element for audio with captions, so the captions can be shown', () => {
    const input = sampleReplayInput();
    input.version = { ...input.version, hasVideo: false, poster: null };
    const page = renderReplayPage(input);
    expect(page).toMatch(/<video class="player__media"[^>]*>\s*<track kind="captions"/);
  });
});
