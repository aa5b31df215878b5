import { describe, expect, it } from 'vitest';
import { renderEmbedPage } from './embed-page.ts';
import { renderReplayPage } from './replay-page.ts';
import { sampleEvent, sampleReplayInput } from './testing/fixtures.ts';

describe('the listen-only switch', () => {
  it.each([
    ['nb', 'Bare lyd'],
    ['nn', 'Berre lyd'],
    ['en', 'Listen only'],
  ] as const)(
    'is a toggle button in the replay page and the embed (%s: %s), hidden until the script finds the variant',
    (language, label) => {
      const localised = sampleReplayInput({ event: sampleEvent({ language }) });
      for (const html of [renderReplayPage(localised), renderEmbedPage(localised)]) {
        expect(html).toContain(
          `<button type="button" class="player__listen-only" data-listen-only aria-pressed="false" hidden>${label}</button>`,
        );
        expect(html).toMatch(
          /<p class="visually-hidden" data-listen-only-status role="status" data-msg-on="[^"]+" data-msg-off="[^"]+"><\/p>/,
        );
      }
    },
  );

  it('is left out of an audio-only recording, which has no picture to leave out', () => {
    const input = sampleReplayInput();
    const audio = { ...input, version: { ...input.version, hasVideo: false, width: null, height: null } };
    expect(renderReplayPage(audio)).not.toContain('data-listen-only');
  });
});
