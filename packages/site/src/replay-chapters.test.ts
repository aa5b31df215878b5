import { describe, expect, it } from 'vitest';
import { renderReplayPage } from './replay-page.ts';
import { sampleReplayInput } from './testing/fixtures.ts';

const recordingId = '0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
const chapters = {
  path: `replays/${recordingId}/chapters.3f9a1c2b7d4e.vtt`,
  items: [
    { startSeconds: 90.5, endSeconds: 600, title: 'Hva koster <b>det</b>? – Kari Nordmann' },
    { startSeconds: 600, endSeconds: 5429, title: 'Når starter byggingen?' },
  ],
};

describe('replay page chapters', () => {
  it('adds a chapter track to the player and lists the questions, each a jump to its moment', () => {
    const html = renderReplayPage(sampleReplayInput({ chapters }));
    expect(html).toContain(
      `<track kind="chapters" src="https://opptak.example.no/replays/${recordingId}/chapters.3f9a1c2b7d4e.vtt" srclang="nb" label="Spørsmål i opptaket">`,
    );
    expect(html).toContain('<h2 id="chapters-heading">Spørsmål i opptaket</h2>');
    expect(html).toMatch(
      /<li><a href="[^"]+download\.mp4#t=90\.5" data-seek="90\.5"><time datetime="PT1M30S">1:30<\/time> <span>Hva koster &lt;b&gt;det&lt;\/b&gt;\? – Kari Nordmann<\/span><\/a><\/li>/,
    );
    expect(html).toContain('<time datetime="PT10M">10:00</time> <span>Når starter byggingen?</span>');
  });

  it('shows neither track nor list without chapters', () => {
    for (const input of [
      sampleReplayInput(),
      sampleReplayInput({ chapters: { path: chapters.path, items: [] } }),
    ]) {
      const html = renderReplayPage(input);
      expect(html).not.toContain('kind="chapters"');
      expect(html).not.toContain('chapters-heading');
    }
  });

  it('speaks the page’s language', () => {
    const html = renderReplayPage(sampleReplayInput({ chapters, locale: 'en', event: null }));
    expect(html).toContain('label="Questions in the recording"');
  });
});
