import { describe, expect, it } from 'vitest';
import { renderLiveEmbedPage } from './live-embed-page.ts';
import { renderLiveOembed } from './live-oembed.ts';
import { renderLivePage } from './live-page.ts';
import { livePhaseOf } from './live-view.ts';
import { linkedUrls, sampleLiveInput } from './testing/fixtures.ts';

/** The elements of a state (`data-live-when` lists it) and whether each is rendered hidden. */
function parts(html: string): Array<{ phases: string[]; hidden: boolean; tag: string }> {
  return [...html.matchAll(/<[^>]*\sdata-live-when="([^"]*)"[^>]*>/g)].map((match) => ({
    phases: (match[1] ?? '').split(' '),
    hidden: /\shidden(?:[\s>])/.test(match[0]),
    tag: match[0],
  }));
}

function shown(html: string): string[] {
  return parts(html)
    .filter((part) => !part.hidden)
    .map((part) => part.tag);
}

describe('the live page', () => {
  it('shows the countdown, the event details and how to ask before the start', () => {
    const html = renderLivePage(sampleLiveInput('scheduled'));
    const visible = shown(html).join('\n');
    expect(visible).toContain('class="countdown"');
    expect(visible).toContain('live-ask');
    expect(visible).not.toContain('data-live-player');
    expect(html).toContain('data-state="scheduled"');
    // The start in Oslo time, which the script turns into the time left.
    expect(html).toContain('datetime="2025-03-11T17:00:00.000Z">tirsdag 11. mars 2025 kl. 18:00</time>');
    expect(html).toContain('tirsdag 11. mars 2025, 18:00–19:30');
    expect(html).toContain('Fylkeshuset, Agnes Mowinckels gate 5, Bergen og på nett');
    expect(html).toContain('Kari Nordmann');
    expect(html).toContain('<p>Fylkesdirektøren legger fram forslaget');
    expect(html).toContain('href="https://folkemote.example.no/arrangement/budsjett-2026"');
    expect(html).toContain('personlige lenken i e-posten');
  });

  it('shows the player, the badge and the place for "behind live" while live', () => {
    const html = renderLivePage(sampleLiveInput('live'));
    const visible = shown(html).join('\n');
    expect(visible).toContain('data-live-player');
    expect(visible).toContain('class="live-position"');
    expect(visible).not.toContain('class="countdown"');
    expect(html).toContain('<span class="live-badge">DIREKTE</span>');
    expect(html).toContain('data-behind-live');
    expect(html).toMatch(
      /<button type="button" class="[^"]*" data-jump-live hidden>Gå til direkte<\/button>/,
    );
    expect(html).toContain('aria-live="polite" data-highlight-region');
  });

  it('keeps the player and says it plays from the start once ended', () => {
    const html = renderLivePage(sampleLiveInput('ended'));
    const visible = shown(html).join('\n');
    expect(visible).toContain('data-live-player');
    expect(visible).not.toContain('class="live-position"');
    expect(visible).not.toContain('live-ask');
    expect(html).toContain('data-state="replay"');
    expect(html).toMatch(
      /<p class="live-notice" data-live-when="replay">Sendingen er over\. Opptaket spilles av fra starten\.<\/p>/,
    );
  });

  it('takes the player away and says the recording is coming when held for review', () => {
    const html = renderLivePage(sampleLiveInput('held'));
    const visible = shown(html).join('\n');
    expect(visible).not.toContain('data-live-player');
    expect(visible).toContain('live-notice--held');
    expect(html).toContain('når arrangøren har gått gjennom det');
    expect(html).not.toContain('live/index.m3u8');
  });

  it('is in the event language', () => {
    const input = sampleLiveInput('live');
    const english = renderLivePage({ ...input, event: { ...input.event, language: 'en' } });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<span class="live-badge">LIVE</span>');
    expect(english).toContain('Go to live');
    const nynorsk = renderLivePage({ ...input, event: { ...input.event, language: 'nn', mode: 'online' } });
    expect(nynorsk).toContain('Still eit spørsmål');
    expect(nynorsk).toContain('<dd>På nett</dd>');
  });

  it('links only under the public base URL, the event page and the contact', () => {
    const html = renderLivePage(sampleLiveInput('live'));
    for (const url of linkedUrls(html))
      expect(
        url.startsWith('https://opptak.example.no/') ||
          url === 'https://folkemote.example.no/arrangement/budsjett-2026' ||
          url.startsWith('mailto:') ||
          url.startsWith('tel:') ||
          url.startsWith('#'),
        url,
      ).toBe(true);
    expect(html).toContain(
      'data-manifest="https://opptak.example.no/replays/5a1f0c3e-8b2d-4e7a-9c6f-1d2e3f4a5b6c/broadcast.json"',
    );
    expect(html).toContain(
      'data-highlight="https://opptak.example.no/replays/5a1f0c3e-8b2d-4e7a-9c6f-1d2e3f4a5b6c/highlight.json"',
    );
    expect(html).toContain('/assets/live.js');
  });

  it('escapes what organisers write', () => {
    const input = sampleLiveInput('scheduled');
    const html = renderLivePage({
      ...input,
      event: { ...input.event, title: '<script>alert(1)</script>', address: '"><img src=x>' },
    });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('"><img src=x>');
  });

  it('refuses a broadcast id that would leave the replay address', () => {
    expect(() => renderLivePage(sampleLiveInput('live', { broadcastId: '../x' }))).toThrow(/broadcastId/);
  });
});

describe('the live embed', () => {
  it('has the player and its states, no site furniture, and a way to the full page', () => {
    const html = renderLiveEmbedPage(sampleLiveInput('live'));
    expect(html).toContain('data-live-player');
    expect(html).toContain('class="live-badge"');
    expect(html).not.toContain('site-header');
    expect(html).not.toContain('contact');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('Se sendingen på Folkemøte');
    expect(html).not.toContain('/assets/player.js');
  });

  it('renders every state like the page', () => {
    for (const state of ['scheduled', 'live', 'ended', 'held'] as const) {
      const input = sampleLiveInput(state);
      const html = renderLiveEmbedPage(input);
      expect(html).toContain(`data-state="${livePhaseOf(input.manifest)}"`);
    }
  });
});

describe('the live oEmbed', () => {
  it('is a video with an iframe of the embed, titled for screen readers', () => {
    const oembed = renderLiveOembed(sampleLiveInput('live'));
    expect(oembed).toMatchObject({
      version: '1.0',
      type: 'video',
      title: 'Folkemøte om budsjettet for 2026',
      author_name: 'Vestland fylkeskommune',
      width: 640,
      height: 360,
    });
    expect(oembed.html).toContain(
      'src="https://opptak.example.no/replays/5a1f0c3e-8b2d-4e7a-9c6f-1d2e3f4a5b6c/embed.html"',
    );
    expect(oembed.html).toContain('title="Direktesending: Folkemøte om budsjettet for 2026"');
  });

  it('fits the consumer limits', () => {
    expect(renderLiveOembed(sampleLiveInput('live'), { maxwidth: 320 })).toMatchObject({
      width: 320,
      height: 180,
    });
    expect(renderLiveOembed(sampleLiveInput('live'), { maxheight: 90 })).toMatchObject({
      width: 160,
      height: 90,
    });
  });
});

describe('livePhaseOf', () => {
  it('maps the manifest to what the page shows', () => {
    expect(livePhaseOf({ state: 'scheduled', live: null, replay: null })).toBe('scheduled');
    expect(livePhaseOf({ state: 'live', live: 'live/live.m3u8', replay: null })).toBe('live');
    expect(livePhaseOf({ state: 'ended', live: null, replay: 'live/index.m3u8' })).toBe('replay');
    expect(livePhaseOf({ state: 'ended', live: null, replay: null })).toBe('waiting');
    expect(livePhaseOf({ state: 'held', live: null, replay: null })).toBe('held');
  });
});
