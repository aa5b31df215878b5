import { describeAsText } from '@folkemote/description';
import {
  buildSearchIndex,
  type SearchIndexFile,
  type SearchReplay,
  type SearchSegment,
} from './assets/search-core.js';
import { describeReplay } from './replay-view.ts';
import { sortNewestFirst } from './sort-replays.ts';
import { parseReplayInput, type ReplayInput } from './types.ts';

export type { SearchIndexFile, SearchReplay } from './assets/search-core.js';
export { foldText, tokenize } from './assets/search-core.js';

/** Seconds to the hundredth, rounded down (past float noise), so a link never lands after the line starts. */
function hundredths(seconds: number): number {
  return Math.floor(seconds * 100 + 1e-6) / 100;
}

/**
 * What search knows of one replay: its title, its description as plain text, its chapters and
 * its transcript (the approved captions the replay page shows), each with the moment it belongs to.
 */
export function searchReplayOf(input: ReplayInput): SearchReplay {
  const view = describeReplay(input);
  const segs: SearchSegment[] = [['t', 0, '']];
  const description = input.event?.description.trim() ? describeAsText(input.event.description) : '';
  if (description) segs.push(['d', 0, description.replace(/\s+/g, ' ').trim()]);
  for (const chapter of view.chapters) segs.push(['c', hundredths(chapter.startSeconds), chapter.title]);
  for (const cue of input.transcript?.cues ?? []) {
    const text = cue.text.replace(/\s+/g, ' ').trim();
    if (text) segs.push(['x', hundredths(cue.startSeconds), text]);
  }
  return {
    id: input.recording.id,
    title: input.recording.title,
    lang: view.locale,
    date: input.event?.startsAt ?? input.recording.publishedAt,
    org: input.event?.organisation.name ?? '',
    duration: Math.round(input.recording.durationSeconds),
    segs,
  };
}

/** The search index of every public replay, newest first (search.js's tie-break). */
export function buildSiteSearchIndex(items: readonly ReplayInput[]): SearchIndexFile {
  for (const item of items) parseReplayInput(item);
  return buildSearchIndex(sortNewestFirst([...items]).map(searchReplayOf));
}

/** `search-index.json` as the site job writes it: compact JSON, no spaces. */
export function renderSearchIndex(items: readonly ReplayInput[]): string {
  return JSON.stringify(buildSiteSearchIndex(items));
}
