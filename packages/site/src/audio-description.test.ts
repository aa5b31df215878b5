import { describe, expect, it } from 'vitest';
import { renderEmbedPage } from './embed-page.ts';
import { renderReplayPage } from './replay-page.ts';
import { sampleReplayInput } from './testing/fixtures.ts';

const described = () => {
  const input = sampleReplayInput();
  input.captions = [
    ...input.captions,
    {
      srclang: 'nb',
      label: 'Norsk (bokmål)',
      path: `replays/${input.recording.id}/captions/nb-descriptions.0123456789ab.vtt`,
      kind: 'descriptions',
    },
  ];
  return input;
};

describe('audio description (WCAG 1.2.5) on the replay and embed pages', () => {
  it('publishes a description track as <track kind="descriptions">, and names it beside the captions', () => {
    const input = described();
    input.audioDescription = 'track';
    const page = renderReplayPage(input);
    expect(page).toMatch(
      /<track kind="descriptions" src="[^"]+nb-descriptions\.0123456789ab\.vtt" srclang="nb"/,
    );
    expect(page).toContain('<track kind="captions"');
    expect(page).toContain('data-audio-description="track"');
    // The captions note names captions only.
    expect(page).toContain('Teksting: Norsk (bokmål)</p>');
    expect(renderEmbedPage(input)).toContain('<track kind="descriptions"');
  });

  it('shows the statement when everything shown is said aloud, in the page’s language', () => {
    const input = sampleReplayInput();
    input.audioDescription = 'said_aloud';
    expect(renderReplayPage(input)).toContain(
      'Synstolking: alt som vises i opptaket, blir også sagt høyt, så det trengs ikke eget synstolkingsspor.',
    );
    input.locale = 'en';
    input.event = null;
    expect(renderReplayPage(input)).toContain(
      'Audio description: everything shown in the recording is also said aloud',
    );
  });

  it('says nothing of audio description when the organiser has not settled it', () => {
    expect(renderReplayPage(sampleReplayInput())).not.toContain('data-audio-description');
  });
});
