import { describe, expect, it } from 'vitest';
import { renderReplayPage } from './replay-page.ts';
import { linkedUrls, sampleEvent, sampleReplayInput } from './testing/fixtures.ts';

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
      `<track kind="captions" src="${base}/replays/0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b/captions/nb.3f9a1c2b7d4e.vtt" srclang="nb" label="Norsk (bokmål)">`,
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
      '<p>Etter innledningen svarer politikerne på spørsmål fra innbyggerne.\nSpørsmål kan sendes inn på forhånd.</p>',
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
    expect(html).toContain(`<meta property="og:video" content="${versionPrefix}download.mp4">`);
    expect(html).toContain('<meta property="og:video:type" content="video/mp4">');
    expect(html).toContain(`"contentUrl":"${versionPrefix}download.mp4"`);
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
      download: { file: 'download.m4a', contentType: 'audio/mp4', bytes: 1_000_000 },
    };
    input.captions = [];
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

describe('renderReplayPage for a quick version, which has no download', () => {
  const quickPrefix = `${base}/replays/${recordingId}/v/20250312T081500Z-quick/`;
  function quickInput(overrides: Parameters<typeof sampleReplayInput>[0] = {}) {
    const input = sampleReplayInput(overrides);
    input.version = { ...input.version, id: '20250312T081500Z-quick', download: null, sprite: null };
    return input;
  }
  const html = renderReplayPage(quickInput());

  it('has no download button, link or file anywhere, but says the download is on its way', () => {
    expect(html).not.toMatch(/download/i);
    expect(html).not.toContain('<a class="button"');
    expect(html).toContain(
      '<div class="actions">\n  <p class="actions__note">Opptaket kan lastes ned snart, når versjonen i full kvalitet er klar.</p>\n  <p class="actions__note">Teksting: Norsk (bokmål)</p>\n</div>',
    );
    expect(html).toContain(`data-src="${quickPrefix}master.m3u8"`);
  });

  it('does not tell a viewer whose player fails to download instead', () => {
    expect(html).toContain('data-msg-unsupported="Nettleseren din kan ikke spille av dette opptaket."');
    expect(html).toContain(
      'data-msg-error="Avspillingen stoppet på grunn av en feil. Last inn siden på nytt."',
    );
    expect(html).toContain(
      '<p>Avspilleren trenger JavaScript.</p>\n      <p>Opptaket kan lastes ned snart, når versjonen i full kvalitet er klar.</p>',
    );
    expect(html).not.toContain('laste ned opptaket i stedet');
  });

  it('names no video file in Open Graph or schema.org, only what exists', () => {
    expect(html).not.toContain('og:video');
    expect(html).toContain(`<meta property="og:image" content="${quickPrefix}poster.jpg">`);
    expect(html).toContain('<meta property="video:duration" content="5429">');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}');
    expect(ld).not.toHaveProperty('contentUrl');
    expect(ld.embedUrl).toBe(`${base}/replays/${recordingId}/embed.html`);
    expect(ld.thumbnailUrl).toBe(`${quickPrefix}poster.jpg`);
  });

  it('still links only under the public base URL, and keeps ids unique', () => {
    for (const url of linkedUrls(html)) {
      expect(
        url.startsWith(`${base}/`) || url.startsWith('mailto:') || url.startsWith('tel:') || url === '#main',
        url,
      ).toBe(true);
    }
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points the questions at the player itself', () => {
    const page = renderReplayPage(
      quickInput({
        chapters: {
          path: `replays/${recordingId}/chapters.3f9a1c2b7d4e.vtt`,
          items: [{ startSeconds: 90.5, endSeconds: 600, title: 'Når starter byggingen?' }],
        },
      }),
    );
    expect(page).toContain('<div id="player" class="player player--page player--video" data-player');
    expect(page).toContain(
      '<li><a href="#player" data-seek="90.5"><time datetime="PT1M30S">1:30</time> <span>Når starter byggingen?</span></a></li>',
    );
    expect(page).not.toMatch(/download/i);
  });

  it('says it in nynorsk and English too', () => {
    const nynorsk = renderReplayPage(quickInput({ event: sampleEvent({ language: 'nn' }) }));
    expect(nynorsk).toContain(
      '<p class="actions__note">Opptaket kan lastast ned snart, når versjonen i full kvalitet er klar.</p>',
    );
    expect(nynorsk).toContain('<p>Avspelaren treng JavaScript.</p>');
    const english = renderReplayPage(quickInput({ event: null, locale: 'en' }));
    expect(english).toContain(
      '<p class="actions__note">The recording can be downloaded soon, when the full-quality version is ready.</p>',
    );
    expect(english).toContain('data-msg-error="Playback stopped because of an error. Reload the page."');
    expect(english).not.toContain('download it instead');
  });

  it('has an audio page without a download too', () => {
    const input = quickInput();
    input.version = { ...input.version, hasVideo: false, poster: null };
    input.captions = [];
    const page = renderReplayPage(input);
    expect(page).toContain('<audio class="player__media" controls preload="metadata"></audio>');
    expect(page).toContain(
      '<div class="actions">\n  <p class="actions__note">Opptaket kan lastes ned snart, når versjonen i full kvalitet er klar.</p>\n</div>',
    );
    expect(page).not.toMatch(/download/i);
  });
});

describe('a replay page in its event’s language', () => {
  it('links back to the archive in that language and offers no language switch of its own', () => {
    const html = renderReplayPage(sampleReplayInput({ event: sampleEvent({ language: 'nn' }) }));
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain('href="https://opptak.example.no/nn/index.html"');
    expect(html).not.toContain('class="language-nav"');
  });
});
