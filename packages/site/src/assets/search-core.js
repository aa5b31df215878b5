/*
 * The site search's one definition of a word: how text is folded and cut into tokens, how the
 * index file is laid out and how it is searched. Plain browser JavaScript (an ES module served
 * as assets/search-core.js and imported by assets/search.js); the worker's index writer
 * (search-index.ts) imports this same file, so the page and the index can never disagree.
 *
 * The index file (search-index.json), version 1:
 *   { v: 1,
 *     replays: [{ id, title, lang, date, org, duration, segs: [[kind, seconds, text], ...] }],
 *     terms: ["folded token", ...]           sorted, unique
 *     postings: [[delta, delta, ...], ...]   per term: the global numbers of the segments that
 *                                            hold it, ascending, each written as the gap to the last }
 * A segment's global number counts every segment of every replay in order. kind is 't' (title),
 * 'd' (description), 'c' (chapter) or 'x' (transcript line).
 */

export const SEARCH_INDEX_VERSION = 1;
const MAX_TOKEN_LENGTH = 40;

// Letters Unicode does not decompose into a base letter and a mark, and the Norwegian letters,
// written the way they are spelt without them (aa for å, ae for æ, oe for ø). Swedish and German
// ä and ö go the same way as their Norwegian sisters.
const letterFolds = {
  å: 'aa',
  æ: 'ae',
  ø: 'oe',
  ä: 'ae',
  ö: 'oe',
  ß: 'ss',
  đ: 'd',
  ŋ: 'n',
  ŧ: 't',
  ł: 'l',
  ı: 'i',
  œ: 'oe',
};
const foldable = /[åæøäößđŋŧłıœ]/g;

/** Lower case, å/æ/ø as aa/ae/oe and no diacritics (é → e, č → c): the form both sides compare. */
export function foldText(text) {
  return String(text)
    .normalize('NFC')
    .toLowerCase()
    .replace(foldable, (letter) => letterFolds[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

/** The folded words of a text, in order: runs of letters and digits, at most 40 characters each. */
export function tokenize(text) {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((word) => word.slice(0, MAX_TOKEN_LENGTH));
}

/** The distinct folded words of a query, longest first (the rarest usually, so the least work). */
export function queryTerms(query) {
  return [...new Set(tokenize(query))].sort((a, b) => b.length - a.length);
}

/**
 * Builds the index from replays given as { id, title, lang, date, org, duration, segs }, segs in
 * the order they should be numbered. Returns the object to serialise as JSON.
 */
export function buildSearchIndex(replays) {
  const byTerm = new Map();
  let segment = 0;
  for (const replay of replays) {
    for (const [kind, , text] of replay.segs) {
      const words = kind === 't' ? tokenize(replay.title) : tokenize(text);
      for (const word of new Set(words)) {
        const list = byTerm.get(word);
        if (list) list.push(segment);
        else byTerm.set(word, [segment]);
      }
      segment += 1;
    }
  }
  const terms = [...byTerm.keys()].sort();
  const postings = terms.map((term) => {
    const list = byTerm.get(term);
    return list.map((value, i) => (i === 0 ? value : value - list[i - 1]));
  });
  return { v: SEARCH_INDEX_VERSION, replays, terms, postings };
}

/** Prepares a parsed index for searching: segment numbers per replay, postings decoded lazily. */
export function openSearchIndex(index) {
  if (!index || index.v !== SEARCH_INDEX_VERSION) throw new Error('unknown search index version');
  const firstSegment = [];
  let count = 0;
  for (const replay of index.replays) {
    firstSegment.push(count);
    count += replay.segs.length;
  }
  const replayOf = new Int32Array(count);
  // Whether a segment and the next are both transcript lines of one replay (speech running on).
  const runsOn = new Uint8Array(count);
  index.replays.forEach((replay, r) => {
    const first = firstSegment[r];
    replayOf.fill(r, first, first + replay.segs.length);
    for (let i = 0; i + 1 < replay.segs.length; i++)
      if (replay.segs[i][0] === 'x' && replay.segs[i + 1][0] === 'x') runsOn[first + i] = 1;
  });
  return { index, firstSegment, replayOf, runsOn, segmentCount: count, decoded: new Map() };
}

function postingsOf(opened, termNumber) {
  let list = opened.decoded.get(termNumber);
  if (list) return list;
  const gaps = opened.index.postings[termNumber];
  list = new Int32Array(gaps.length);
  let value = 0;
  for (let i = 0; i < gaps.length; i++) {
    value += gaps[i];
    list[i] = value;
  }
  opened.decoded.set(termNumber, list);
  return list;
}

/** The numbers of the terms that start with `prefix`, found by binary search in the sorted list. */
function termsWithPrefix(terms, prefix) {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (terms[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  const found = [];
  for (let i = low; i < terms.length && terms[i].startsWith(prefix); i++) found.push(i);
  return found;
}

/**
 * A bitmap of the segments holding a word that starts with `term`, and one of the replays that
 * hold such a word.
 */
function segmentsFor(opened, term) {
  const marks = new Uint8Array(opened.segmentCount);
  const replays = new Uint8Array(opened.index.replays.length);
  const { replayOf } = opened;
  for (const termNumber of termsWithPrefix(opened.index.terms, term)) {
    for (const segment of postingsOf(opened, termNumber)) {
      marks[segment] = 1;
      replays[replayOf[segment]] = 1;
    }
  }
  return { marks, replays };
}

/**
 * One replay's moments: its segments, in time order, where the most of the query's words meet
 * (a transcript line and the next one count together, since speech runs on across lines).
 */
function momentsOf(opened, found, replay, perReplay) {
  const first = opened.firstSegment[replay];
  const end = first + opened.index.replays[replay].segs.length;
  const { runsOn } = opened;
  let best = 0;
  let count = 0;
  let moments = [];
  for (let segment = first; segment < end; segment++) {
    // A moment is a segment that holds a word itself; the next line only adds to its score.
    let score = 0;
    let own = false;
    for (let t = 0; t < found.length; t++) {
      const { marks } = found[t];
      if (marks[segment]) {
        own = true;
        score += 1;
      } else if (runsOn[segment] && marks[segment + 1]) score += 1;
    }
    if (!own || score < best) continue;
    if (score > best) {
      best = score;
      count = 0;
      moments = [];
    }
    count += 1;
    if (moments.length < perReplay) moments.push(segment);
  }
  return { replay, best, count, moments };
}

/**
 * Every replay that holds all the query's words (each as the start of a word: "kommun" finds
 * "kommunene"), best first, each with its first moments where most of the words meet.
 */
export function searchIndex(opened, query, options = {}) {
  const perReplay = options.perReplay ?? 5;
  const maxReplays = options.maxReplays ?? 50;
  const terms = queryTerms(query);
  if (terms.length === 0) return { terms, total: 0, results: [] };
  const found = terms.map((term) => segmentsFor(opened, term));
  const results = [];
  for (let replay = 0; replay < opened.index.replays.length; replay++) {
    if (found.every(({ replays }) => replays[replay] === 1))
      results.push(momentsOf(opened, found, replay, perReplay));
  }
  results.sort((a, b) => b.best - a.best || b.count - a.count || a.replay - b.replay);
  return {
    terms,
    total: results.length,
    results: results.slice(0, maxReplays).map((result) => {
      const replay = opened.index.replays[result.replay];
      return {
        replay,
        count: result.count,
        moments: result.moments.map((segment) => {
          const [kind, seconds, text] = replay.segs[segment - opened.firstSegment[result.replay]];
          return { kind, seconds, text: kind === 't' ? replay.title : text };
        }),
      };
    }),
  };
}

/**
 * The text of a moment cut to about `length` characters around its first matching word, as
 * parts to show: { text, match } where match says the part is a word the query found.
 */
export function highlightParts(text, terms, length = 180) {
  const parts = [];
  const word = /[\p{L}\p{N}]+/gu;
  let first = -1;
  const matches = [];
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const folded = foldText(m[0]);
    if (terms.some((term) => folded.startsWith(term))) {
      matches.push([m.index, m.index + m[0].length]);
      if (first < 0) first = m.index;
    }
  }
  let from = 0;
  let to = text.length;
  if (text.length > length) {
    from = Math.max(0, Math.max(first, 0) - Math.floor(length / 3));
    const space = text.lastIndexOf(' ', from);
    if (from > 0 && space > from - 20) from = space + 1;
    to = Math.min(text.length, from + length);
  }
  let at = from;
  for (const [start, end] of matches) {
    if (end <= from || start >= to) continue;
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(Math.max(start, at), Math.min(end, to)), match: true });
    at = Math.min(end, to);
  }
  if (at < to) parts.push({ text: text.slice(at, to), match: false });
  if (from > 0) parts.unshift({ text: '… ', match: false });
  if (to < text.length) parts.push({ text: ' …', match: false });
  return parts;
}
