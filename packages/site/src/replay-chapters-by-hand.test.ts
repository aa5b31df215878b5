import { describe, expect, it } from 'vitest';
import { renderReplayPage } from './replay-page.ts';
import { sampleReplayInput } from './testing/fixtures.ts';

const chapters = {
  path: 'replays/0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b/chapters.1a2b3c4d5e6f.vtt',
  items: [
    { startSeconds: 0, endSeconds: 90.5, title: 'Velkommen' },
    { startSeconds: 90.5, endSeconds: 600, title: 'Hva koster det?' },
  ],
  byHand: true,
};

describe('replay page chapters made partly by hand', () => {
  it('heads the list and the track as chapters, not as questions', () => {
    const html = renderReplayPage(sampleReplayInput({ chapters }));
    expect(html).toContain('<h2 id="chapters-heading">Kapitler</h2>');
    expect(html).toMatch(/<track kind="chapters" [^>]*label="Kapitler">/);
    expect(html).toContain('<span>Velkommen</span>');
    const nynorsk = renderReplayPage(sampleReplayInput({ chapters, locale: 'nn', event: null }));
    expect(nynorsk).toContain('<h2 id="chapters-heading">Kapittel</h2>');
  });
});
