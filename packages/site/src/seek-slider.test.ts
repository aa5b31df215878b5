import type { Locale } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { renderEmbedPage } from './embed-page.ts';
import { renderReplayPage } from './replay-page.ts';
import { linkedUrls, sampleEvent, sampleReplayInput } from './test-fixtures.ts';
import type { ReplayInput } from './types.ts';

const base = 'https://opptak.example.no';
const recordingId = '0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
const spriteVtt = `${base}/replays/${recordingId}/v/20250312T081500Z-full/sprite.vtt`;

function inLanguage(locale: Locale): ReplayInput {
  return sampleReplayInput({ event: sampleEvent({ language: locale }) });
}

function sliderOf(html: string): string {
  return /<div class="seek" data-seek-slider[\s\S]*?\n<\/div>/.exec(html)?.[0] ?? '';
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

describe('the seek slider of a full video version with a sprite', () => {
  const cases: Array<[Locale, string, string]> = [
    ['nb', 'Bla i opptaket', '{time} av 1:30:29'],
    ['nn', 'Bla i opptaket', '{time} av 1:30:29'],
    ['en', 'Browse the recording', '{time} of 1:30:29'],
  ];

  it.each(cases)(
    'is under the player, labelled and hidden until player.js runs (%s)',
    (locale, label, template) => {
      const html = renderReplayPage(inLanguage(locale));
      const slider = sliderOf(html);
      expect(slider).toContain(
        `<div class="seek" data-seek-slider data-sprite-vtt="${spriteVtt}" data-msg-value-text="${template}" hidden>`,
      );
      expect(slider).toContain(`<label class="seek__label" for="seek-input">${label}</label>`);
      const valueText = template.replace('{time}', '0:00');
      expect(slider).toContain(
        `<input id="seek-input" class="seek__input" type="range" min="0" max="5429" step="1" value="0" aria-valuetext="${valueText}">`,
      );
      expect(slider).toContain('<div class="seek__preview" data-seek-preview aria-hidden="true" hidden>');
      expect(slider).toContain('<div class="seek__tile" data-seek-tile></div>');
      expect(slider).toContain('<span class="seek__time" data-seek-time></span>');
      // Right after the player, so the error state can hide it with a sibling selector.
      expect(html).toMatch(/<\/noscript>\n<\/div>\n\s*<div class="seek" data-seek-slider/);
      expectValidPage(html);
    },
  );

  it('writes its value text in the clock form the page uses', () => {
    const input = sampleReplayInput({ event: null, locale: 'en' });
    input.recording = { ...input.recording, durationSeconds: 2699.6 };
    const slider = sliderOf(renderReplayPage(input));
    expect(slider).toContain('max="2700"');
    expect(slider).toContain('aria-valuetext="0:00 of 45:00"');
  });

  it('is only on the replay page, not in the embedded player', () => {
    const embed = renderEmbedPage(sampleReplayInput());
    expect(embed).not.toContain('data-seek-slider');
    expect(embed).not.toContain('sprite.vtt');
  });
});

describe('no seek slider', () => {
  function expectNone(input: ReplayInput): void {
    const html = renderReplayPage(input);
    expect(html).not.toContain('data-seek-slider');
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
