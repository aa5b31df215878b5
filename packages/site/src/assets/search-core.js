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

/** A bitmap of the segments holding a word that starts with `term`, and their numbers. */
function segmentsFor(opened, term) {
  const marks = new Uint8Array(opened.segmentCount);
  const list = [];
  for (const termNumber of termsWithPrefix(opened.index.terms, term)) {
    for (const segment of postingsOf(opened, termNumber)) {
      if (marks[segment]) continue;
      marks[segment] = 1;
      list.push(segment);
    }
  }
  return { marks, list };
}

/**
 * Every replay that holds all the query's words (each as the start of a word: "kommun" finds
 * "kommunene"), best first, each with its moments: the segments where most of the words meet (a
 * segment and the next one count together, since speech runs on across caption lines), in time
 * order, at most `perReplay` of them.
 */
export function searchIndex(opened, query, options = {}) {
  const perReplay = options.perReplay ?? 5;
  const maxReplays = options.maxReplays ?? 50;
  const terms = queryTerms(query);
  if (terms.length === 0) return { terms, total: 0, results: [] };
  const found = terms.map((term) => segmentsFor(opened, term));
  const replayHits = new Map();
  const { replayOf, firstSegment, runsOn } = opened;
  for (let t = 0; t < found.length; t++) {
    for (const segment of found[t].list) {
      const replay = replayOf[segment];
      let hits = replayHits.get(replay);
      if (!hits) {
        if (t > 0) continue; // a replay without the first word cannot hold all of them
        hits = { terms: new Uint8Array(found.length), segments: new Set() };
        replayHits.set(replay, hits);
      }
      hits.terms[t] = 1;
      hits.segments.add(segment);
    }
  }
  const results = [];
  for (const [replay, hits] of replayHits) {
    if (hits.terms.includes(0)) continue;
    let best = 0;
    const scored = [];
    for (const segment of hits.segments) {
      let score = 0;
      for (const { marks } of found)
        if (marks[segment] || (runsOn[segment] && marks[segment + 1])) score += 1;
      best = Math.max(best, score);
      scored.push({ segment, score });
    }
    const moments = scored
      .filter((entry) => entry.score === best)
      .sort((a, b) => a.segment - b.segment)
      .map((entry) => entry.segment);
    results.push({ replay, best, count: moments.length, moments: moments.slice(0, perReplay) });
  }
  results.sort((a, b) => b.best - a.best || b.count - a.count || a.replay - b.replay);
  return {
    terms,
    total: results.length,
    results: results.slice(0, maxReplays).map((result) => ({
      replay: opened.index.replays[result.replay],
      count: result.count,
      moments: result.moments.map((segment) => {
        const [kind, seconds, text] =
          opened.index.replays[result.replay].segs[segment - firstSegment[result.replay]];
        return { kind, seconds, text: kind === 't' ? opened.index.replays[result.replay].title : text };
      }),
    })),
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
    from = Math.max(0, (first < 0 ? 0 : first) - Math.floor(length / 3));
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
