/** Types of search-core.js, the folding, tokenising and index code shared by the worker and the page. */

/** 't' title, 'd' description, 'c' chapter, 'x' transcript line. */
export type SearchSegmentKind = 't' | 'd' | 'c' | 'x';
/** [kind, seconds into the recording, text]; a title segment's text is the replay's title. */
export type SearchSegment = [SearchSegmentKind, number, string];

export interface SearchReplay {
  id: string;
  title: string;
  lang: string;
  /** ISO date the archive shows (the event's start, or the publication). */
  date: string;
  /** The organisation's name, or '' without an event. */
  org: string;
  duration: number;
  segs: SearchSegment[];
}

export interface SearchIndexFile {
  v: number;
  replays: SearchReplay[];
  terms: string[];
  postings: number[][];
}

export interface OpenedSearchIndex {
  index: SearchIndexFile;
  firstSegment: number[];
  replayOf: Int32Array;
  runsOn: Uint8Array;
  segmentCount: number;
  decoded: Map<number, Int32Array>;
}

export interface SearchMoment {
  kind: SearchSegmentKind;
  seconds: number;
  text: string;
}

export interface SearchResult {
  replay: SearchReplay;
  /** How many moments matched as well as the best, of which `moments` holds the first few. */
  count: number;
  moments: SearchMoment[];
}

export interface SearchAnswer {
  terms: string[];
  total: number;
  results: SearchResult[];
}

export const SEARCH_INDEX_VERSION: number;
export function foldText(text: string): string;
export function tokenize(text: string): string[];
export function queryTerms(query: string): string[];
export function buildSearchIndex(replays: SearchReplay[]): SearchIndexFile;
export function openSearchIndex(index: SearchIndexFile): OpenedSearchIndex;
export function searchIndex(
  opened: OpenedSearchIndex,
  query: string,
  options?: { perReplay?: number; maxReplays?: number },
): SearchAnswer;
export function highlightParts(
  text: string,
  terms: string[],
  length?: number,
): Array<{ text: string; match: boolean }>;
