import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  foldText,
  highlightParts,
  openSearchIndex,
  queryTerms,
  type SearchReplay,
  searchIndex,
  tokenize,
} from './assets/search-core.js';

describe('foldText', () => {
  it('folds case and writes å, æ and ø as aa, ae and oe', () => {
    expect(foldText('Ålesund')).toBe('aalesund');
    expect(foldText('Aalesund')).toBe('aalesund');
    expect(foldText('SKJÆRGÅRD')).toBe(foldText('skjaergaard'));
    expect(foldText('Bodø')).toBe(foldText('Bodoe'));
    expect(foldText('Tromsø')).toBe('tromsoe');
  });

  it('drops diacritics and folds the Nordic sister letters the same way', () => {
    expect(foldText('kafé')).toBe('kafe');
    expect(foldText('Čáhcesuolu')).toBe('cahcesuolu');
    expect(foldText('Göteborg')).toBe(foldText('Gøteborg'));
    expect(foldText('Mädchen')).toBe(foldText('mædchen'));
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('Đ ŋ ŧ')).toBe('d n t');
  });

  it('turns decomposed input into the same form as composed input', () => {
    expect(foldText('a\u030Alesund')).toBe(foldText('ålesund'));
    expect(foldText('e\u0301')).toBe('e');
  });
});

describe('tokenize', () => {
  it('cuts folded text into words of letters and digits', () => {
    expect(tokenize('Kommunestyret vedtok budsjettet for 2026, mot 3 stemmer.')).toEqual([
      'kommunestyret',
      'vedtok',
      'budsjettet',
      'for',
      '2026',
      'mot',
      '3',
      'stemmer',
    ]);
    expect(tokenize('«Hva skjer på Nærøysund?» – spør Åse')).toEqual([
      'hva',
      'skjer',
      'paa',
      'naeroeysund',
      'spoer',
      'aase',
    ]);
  });

  it('keeps no markup characters and caps a word at 40 characters', () => {
    expect(tokenize('<b>fet</b> &amp;')).toEqual(['b', 'fet', 'b', 'amp']);
    expect(tokenize('x'.repeat(100))[0]).toHaveLength(40);
    expect(tokenize('  -- ... ')).toEqual([]);
  });

  it('gives the distinct words of a query, longest first', () => {
    expect(queryTerms('skole Skole skolebruksplan')).toEqual(['skolebruksplan', 'skole']);
  });
});

function replay(
  id: string,
  title: string,
  lines: Array<[number, string]>,
  extra: SearchReplay['segs'] = [],
): SearchReplay {
  return {
    id,
    title,
    lang: 'nb',
    date: '2026-03-01T18:00:00.000Z',
    org: 'Testkommune',
    duration: 600,
    segs: [
      ['t', 0, ''],
      ...extra,
      ...lines.map(([at, text]) => ['x', at, text] as SearchReplay['segs'][number]),
    ],
  };
}

const replays = [
  replay('r1', 'Budsjettmøte i Ålesund', [
    [1.5, 'God kveld og velkommen til møtet.'],
    [5, 'Kommunene i fylket har fått mer penger.'],
    [9.2, 'Skolebruksplanen blir vedtatt i juni.'],
    [13, 'Bodø og Tromsø er også med.'],
  ]),
  replay(
    'r2',
    'Spørretime om vei',
    [
      [2, 'Veien over fjellet er stengt.'],
      [6, 'Fylkeskommunen svarer på spørsmål.'],
      [10.4, 'Neste kommune'],
      [14, 'Ålesund venter på svar.'],
    ],
    [['c', 6, 'Når åpner veien igjen?']],
  ),
];

describe('buildSearchIndex', () => {
  it('lists each folded word once, sorted, with the gaps between the segments that hold it', () => {
    const index = buildSearchIndex(replays);
    expect(index.v).toBe(1);
    expect(index.terms).toEqual([...index.terms].sort());
    expect(new Set(index.terms).size).toBe(index.terms.length);
    const at = (term: string) => index.postings[index.terms.indexOf(term)];
    // r1: 0 title, 1–4 lines; r2: 5 title, 6 chapter, 7–10 lines.
    expect(at('aalesund')).toEqual([0, 10]);
    expect(at('veien')).toEqual([6, 1]);
    expect(at('kommunene')).toEqual([2]);
    expect(index.terms).not.toContain('Ålesund');
  });
});

describe('searchIndex', () => {
  const opened = openSearchIndex(buildSearchIndex(replays));
  const find = (query: string) =>
    searchIndex(opened, query).results.map((result) => ({
      id: result.replay.id,
      moments: result.moments.map((moment) => [moment.kind, moment.seconds]),
    }));

  it('matches words by their start: "kommun" finds kommunene, kommune and fylkeskommunen is not a start', () => {
    expect(find('kommun')).toEqual([
      { id: 'r1', moments: [['x', 5]] },
      { id: 'r2', moments: [['x', 10.4]] },
    ]);
  });

  it('finds å, æ and ø whichever way the query spells them, in titles and lines', () => {
    expect(find('aalesund')).toEqual(find('ÅLESUND'));
    expect(find('Alesund')).toEqual([]);
    expect(find('aalesund')).toEqual([
      { id: 'r1', moments: [['t', 0]] },
      { id: 'r2', moments: [['x', 14]] },
    ]);
    expect(find('Bodø')).toEqual(find('bodoe'));
    expect(find('bodoe')).toEqual([{ id: 'r1', moments: [['x', 13]] }]);
  });

  it('needs every word in the replay, and prefers the moments where they meet', () => {
    expect(find('skolebruksplanen juni')).toEqual([{ id: 'r1', moments: [['x', 9.2]] }]);
    expect(find('veien stengt')).toEqual([{ id: 'r2', moments: [['x', 2]] }]);
    // Words on neighbouring lines count as meeting.
    expect(find('penger skolebruksplanen')).toEqual([{ id: 'r1', moments: [['x', 5]] }]);
    expect(find('veien juni')).toEqual([]);
  });

  it('finds chapters, says what matched and gives nothing for an empty query', () => {
    expect(find('åpner')).toEqual([{ id: 'r2', moments: [['c', 6]] }]);
    expect(searchIndex(opened, ' -- ').results).toEqual([]);
    const answer = searchIndex(opened, 'Kommun');
    expect(answer.total).toBe(2);
    expect(answer.results[0]?.moments[0]?.text).toBe('Kommunene i fylket har fått mer penger.');
  });
});

describe('highlightParts', () => {
  it('marks the words a query found and cuts long text around the first', () => {
    expect(highlightParts('Kommunene i fylket', ['kommun'])).toEqual([
      { text: 'Kommunene', match: true },
      { text: ' i fylket', match: false },
    ]);
    const long = `${'ord '.repeat(100)}Ålesund ${'ord '.repeat(100)}`;
    const parts = highlightParts(long, ['aalesund'], 80);
    expect(parts[0]).toEqual({ text: '… ', match: false });
    expect(parts.filter((part) => part.match)).toEqual([{ text: 'Ålesund', match: true }]);
    expect(parts.map((part) => part.text).join('').length).toBeLessThan(90);
  });
});
