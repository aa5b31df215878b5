import type { Locale } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { renderEmbedPage } from './embed-page.ts';
import { renderReplayPage } from './replay-page.ts';
import { linkedUrls, sampleEvent, sampleReplayInput } from './testing/fixtures.ts';
import type { ReplayInput } from './types.ts';

const base = 'https://opptak.example.no';
const recordingId = '0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
const spriteVtt = `${base}/replays/${recordingId}/v/20250312T081500Z-full/sprite.vtt`;

function inLanguage(locale: Locale): ReplayInput {
  return sampleReplayInput({ event: sampleEvent({ language: locale }) });
}

function controlsOf(html: string): string {
  return (
    /<div class="player__controls" data-player-controls[\s\S]*?<\/div>(?=\n {2}<div class="player__message")/.exec(
      html,
    )?.[0] ?? ''
  );
}

/** Unique ids, every label pointing at an element, matched divs, no inline styles (the CSP forbids them). */
function expectValidPage(html: string): void {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
  expect(new Set(ids).size).toBe(ids.length);
  for (const [, target] of html.matchAll(/<label [^>]*for="([^"]+)"/g)) expect(ids).toContain(target);
  expect(html.match(/<div\b/g)?.length).toBe(html.match(/<\/div>/g)?.length);
  expect(html).not.toMatch(/<[a-z][^>]*\sstyle=/);
  for (const url of linkedUrls(html)) {
    expect(
      url.startsWith(`${base}/`) || url.startsWith('mailto:') || url.startsWith('tel:') || url === '#main',
      url,
    ).toBe(true);
  }
}

describe('the control bar of a full video version with a sprite', () => {
  const cases: Array<[Locale, string, string, string, string]> = [
    ['nb', 'Tidslinje', '{time} av 1:30:29', 'Spill av', 'Fullskjerm'],
    ['nn', 'Tidslinje', '{time} av 1:30:29', 'Spel av', 'Fullskjerm'],
    ['en', 'Timeline', '{time} of 1:30:29', 'Play', 'Full screen'],
  ];

  it.each(cases)(
    'is inside the player, one timeline, labelled and hidden until player.js runs (%s)',
    (locale, label, template, play, fullscreen) => {
      const html = renderReplayPage(inLanguage(locale));
      const controls = controlsOf(html);
      expect(controls).toContain(`data-sprite-vtt="${spriteVtt}" data-msg-value-text="${template}"`);
      expect(controls).toMatch(/ hidden>\n/);
      const valueText = template.replace('{time}', '0:00');
      expect(controls).toContain(
        `<input id="seek-input" class="seek__input" type="range" min="0" max="5429" step="1" value="0" aria-label="${label}" aria-valuetext="${valueText}">`,
      );
      expect(controls).toContain(`data-action="play" aria-label="${play}"`);
      expect(controls).toContain(`data-action="fullscreen" aria-label="${fullscreen}"`);
      expect(controls).toContain('data-action="mute"');
      expect(controls).toContain('data-action="captions"');
      expect(controls).toContain('<div class="seek__preview" data-seek-preview aria-hidden="true" hidden>');
      expect(controls).toContain('<div class="seek__tile" data-seek-tile></div>');
      // One slider on the page: the player's own timeline, no second one under it.
      expect(html.match(/type="range"/g)).toHaveLength(1);
      // Inside the player, right after the video, whose native controls remain without the script.
      expect(html).toMatch(/<\/video>\n {2}<div class="player__controls"/);
      expect(html).toMatch(/<video class="player__media" controls /);
      expectValidPage(html);
    },
  );

  it('writes its value text in the clock form the page uses', () => {
    const input = sampleReplayInput({ event: null, locale: 'en' });
    input.recording = { ...input.recording, durationSeconds: 2699.6 };
    const controls = controlsOf(renderReplayPage(input));
    expect(controls).toContain('max="2700"');
    expect(controls).toContain('aria-valuetext="0:00 of 45:00"');
  });

  it('has no captions button without captions', () => {
    const controls = controlsOf(renderReplayPage({ ...sampleReplayInput(), captions: [] }));
    expect(controls).toContain('data-action="play"');
    expect(controls).not.toContain('data-action="captions"');
  });

  it('is only on the replay page, not in the embedded player', () => {
    const embed = renderEmbedPage(sampleReplayInput());
    expect(embed).not.toContain('data-player-controls');
    expect(embed).not.toContain('sprite.vtt');
  });
});

describe('no control bar of its own', () => {
  function expectNone(input: ReplayInput): void {
    const html = renderReplayPage(input);
    expect(html).not.toContain('data-player-controls');
    expect(html).not.toContain('seek-input');
    expect(html).not.toContain('sprite.vtt');
    expectValidPage(html);
  }

  it('for a quick version, which has no sprite', () => {
    const input = sampleReplayInput();
    input.version = { ...input.version, id: '20250312T081500Z-quick', download: null, sprite: null };
    expectNone(input);
  });

  it('for a full version without a sprite', () => {
    const input = sampleReplayInput();
    input.version = { ...input.version, sprite: null };
    expectNone(input);
  });

  it('for audio only, with or without captions', () => {
    const input = sampleReplayInput();
    input.version = {
      ...input.version,
      hasVideo: false,
      poster: null,
      download: { file: 'download.m4a', contentType: 'audio/mp4', bytes: 1_000_000 },
    };
    expectNone(input);
    expectNone({ ...input, captions: [] });
  });

  it('for a recording shorter than a second', () => {
    const input = sampleReplayInput();
    input.recording = { ...input.recording, durationSeconds: 0.4 };
    expectNone(input);
  });
});
