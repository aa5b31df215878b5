import type { ReplayInput } from './types.ts';

/** Newest first by publication; ties keep a stable, alphabetical order. */
export function sortNewestFirst(items: ReplayInput[]): ReplayInput[] {
  return [...items].sort(
    (a, b) =>
      Date.parse(b.recording.publishedAt) - Date.parse(a.recording.publishedAt) ||
      a.recording.title.localeCompare(b.recording.title),
  );
}
