import { describe, expect, it } from 'vitest';
import { renderReplayPage } from './replay-page.ts';
import { sampleEvent, sampleReplayInput } from './testing/fixtures.ts';

const cues = [
  { startSeconds: 1.5, endSeconds: 4.25, text: 'God kveld, og velkommen.' },
  { startSeconds: 4.25, endSeconds: 8, text: 'Første sak er\nbudsjettet for <b>2026</b> & skolene.' },
  { startSeconds: 3725.4567, endSeconds: 3729, text: 'Takk for i kveld.' },
];

function transcriptOf(html: string): string {
  return /<section class="card transcript"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
}

describe('the transcript on the replay page', () => {
  it('lists every approved caption line as a link that names its moment, in order, as text', () => {
    const html = renderReplayPage(sampleReplayInput({ transcript: { language: 'nb', cues } }));
    const section = transcriptOf(html);
    expect(section).toContain('aria-labelledby="transcript-heading"');
    expect(section).toContain('<h2 id="transcript-heading">Transkripsjon</h2>');
    const links = [
      ...section.matchAll(
        /<li><a class="transcript__line" href="([^"]*)" data-cue-start="([^"]*)" data-cue-end="([^"]*)"><time datetime="([^"]*)">([^<]*)<\/time> <span>([^<]*)<\/span><\/a><\/li>/g,
      ),
    ].map((match) => match.slice(1));
    const download =
      'https://opptak.example.no/replays/0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b/v/20250312T081500Z-full/download.mp4';
    expect(links).toEqual([
      [`${download}#t=1.5`, '1.5', '4.25', 'PT1S', '0:01', 'God kveld, og velkommen.'],
      [
        `${download}#t=4.25`,
        '4.25',
        '8',
        'PT4S',
        '0:04',
        'Første sak er budsjettet for &lt;b&gt;2026&lt;/b&gt; &amp; skolene.',
      ],
      [`${download}#t=3725.456`, '3725.456', '3729', 'PT1H2M5S', '1:02:05', 'Takk for i kveld.'],
    ]);
    // It comes in the page itself (the text alternative without the script) and its script is loaded.
    expect(html).toContain('<script src="https://opptak.example.no/assets/transcript.js" defer></script>');
    expect(html.indexOf('class="card transcript"')).toBeGreaterThan(html.indexOf('id="player"'));
  });

  it('is in the page language in all three languages, and says so when the captions are another', () => {
    const nn = renderReplayPage(
      sampleReplayInput({ event: sampleEvent({ language: 'nn' }), transcript: { language: 'nn', cues } }),
    );
    expect(transcriptOf(nn)).toContain('>Transkripsjon</h2>');
    expect(transcriptOf(nn)).toContain('Vel ei linje for å spela av derifrå.');
    const en = renderReplayPage(
      sampleReplayInput({ event: sampleEvent({ language: 'en' }), transcript: { language: 'nb', cues } }),
    );
    expect(transcriptOf(en)).toContain('>Transcript</h2>');
    expect(transcriptOf(en)).toContain('<span lang="nb">God kveld, og velkommen.</span>');
  });

  it('points lines at the player while there is no download, and is left out without captions', () => {
    const quick = sampleReplayInput({ transcript: { language: 'nb', cues } });
    quick.version = { ...quick.version, download: null };
    expect(transcriptOf(renderReplayPage(quick))).toContain('href="#player" data-cue-start="1.5"');
    expect(renderReplayPage(sampleReplayInput())).not.toContain('transcript__list');
    expect(renderReplayPage(sampleReplayInput({ transcript: { language: 'nb', cues: [] } }))).not.toContain(
      'transcript__list',
    );
  });

  it('refuses a transcript with a bad language or a negative time', () => {
    expect(() => renderReplayPage(sampleReplayInput({ transcript: { language: 'nb"><x', cues } }))).toThrow(
      /transcript\.language/,
    );
    expect(() =>
      renderReplayPage(
        sampleReplayInput({
          transcript: { language: 'nb', cues: [{ startSeconds: -1, endSeconds: 1, text: 'x' }] },
        }),
      ),
    ).toThrow(/transcript\.cues\.0\.startSeconds/);
  });
});
