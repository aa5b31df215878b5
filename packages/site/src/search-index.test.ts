import { describe, expect, it } from 'vitest';
import { openSearchIndex, searchIndex } from './assets/search-core.js';
import { buildSiteSearchIndex, renderSearchIndex } from './search-index.ts';
import { sampleEvent, sampleReplayInput } from './testing/fixtures.ts';

const older = sampleReplayInput({
  recording: {
    id: 'older-1',
    title: 'Vegmøte på Nærøysund',
    durationSeconds: 60,
    publishedAt: '2025-01-01T10:00:00.000Z',
  },
  event: sampleEvent({ description: '**Vegen** over fjellet og _bussrutene_.' }),
  chapters: {
    path: 'replays/older-1/chapters.abc.vtt',
    items: [{ startSeconds: 12.34, endSeconds: 20, title: 'Når åpner tunnelen?' }],
  },
  transcript: {
    language: 'nb',
    cues: [
      { startSeconds: 3.2799, endSeconds: 6, text: 'Kommunene har\nsøkt om midler.' },
      { startSeconds: 6, endSeconds: 9, text: '   ' },
    ],
  },
});
const newer = sampleReplayInput({
  transcript: {
    language: 'nb',
    cues: [{ startSeconds: 2, endSeconds: 4, text: 'Budsjettet er lagt fram.' }],
  },
});

describe('the search index writer', () => {
  it('holds title, description, chapters and transcript lines of every replay, newest first', () => {
    const index = buildSiteSearchIndex([older, newer]);
    expect(index.replays.map((replay) => replay.id)).toEqual([newer.recording.id, 'older-1']);
    const segs = index.replays[1]?.segs;
    expect(segs?.[0]).toEqual(['t', 0, '']);
    expect(segs?.[1]?.[0]).toBe('d');
    expect(segs?.[1]?.[2]).toContain('Vegen over fjellet og bussrutene.');
    expect(segs?.slice(2)).toEqual([
      ['c', 12.34, 'Når åpner tunnelen?'],
      ['x', 3.27, 'Kommunene har søkt om midler.'],
    ]);
    expect(index.replays[1]).toMatchObject({
      title: 'Vegmøte på Nærøysund',
      lang: 'nb',
      org: 'Vestland fylkeskommune',
      duration: 60,
    });
    expect(index.terms).toContain('naeroeysund');
    expect(index.terms).toContain('kommunene');
    expect(index.terms).toContain('bussrutene'); // the Markdown is gone, its words stay
    expect(index.terms.some((term) => term.includes('_'))).toBe(false);
  });

  it('is compact JSON that the page script can search', () => {
    const json = renderSearchIndex([older, newer]);
    expect(json).not.toMatch(/\n|": /);
    const opened = openSearchIndex(JSON.parse(json));
    const answer = searchIndex(opened, 'kommun midler');
    expect(answer.results.map((result) => [result.replay.id, result.moments])).toEqual([
      ['older-1', [{ kind: 'x', seconds: 3.27, text: 'Kommunene har søkt om midler.' }]],
    ]);
    expect(searchIndex(opened, 'NAEROYSUND').total).toBe(0);
    expect(searchIndex(opened, 'nærøy').results[0]?.moments[0]).toEqual({
      kind: 't',
      seconds: 0,
      text: 'Vegmøte på Nærøysund',
    });
  });

  it('refuses an input the pages would refuse', () => {
    const bad = sampleReplayInput({ transcript: { language: 'x', cues: [] } });
    expect(() => buildSiteSearchIndex([bad])).toThrow(/transcript\.language/);
  });
});
