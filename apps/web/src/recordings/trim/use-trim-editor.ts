import type { TimeRange } from '@folkemote/domain';
import { useCallback, useMemo, useState } from 'react';

/**
 * The editor's trim on the current version's timeline (what the player plays): a start, an end,
 * and the cuts between them. The page turns it into source time (`composeCuts`) when publishing.
 */
export interface TrimDraft {
  start: number;
  end: number;
  cuts: TimeRange[];
  /** Where a cut begun with "cut from here" starts, until "… to here" ends it. */
  pendingFrom: number | null;
}

const round = (t: number) => Math.round(t * 1000) / 1000;

/** Every range the trim removes from the current version, in order: before the start, the cuts, after the end. */
export function removedRanges(draft: TrimDraft, duration: number): TimeRange[] {
  const ranges = [
    ...(draft.start > 0 ? [{ start: 0, end: draft.start }] : []),
    ...draft.cuts,
    ...(draft.end < duration ? [{ start: draft.end, end: duration }] : []),
  ];
  return ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
}

/** How long the result is. */
export function keptSeconds(draft: TrimDraft, duration: number): number {
  const removed = removedRanges(draft, duration);
  let covered = 0;
  let at = 0;
  for (const r of removed) {
    const from = Math.max(at, r.start);
    if (r.end > from) covered += r.end - from;
    at = Math.max(at, r.end);
  }
  return Math.max(0, duration - covered);
}

export function useTrimEditor(duration: number) {
  const [draft, setDraft] = useState<TrimDraft>({ start: 0, end: duration, cuts: [], pendingFrom: null });
  const clamp = useCallback((t: number) => round(Math.min(duration, Math.max(0, t))), [duration]);
  const actions = useMemo(
    () => ({
      setStart: (t: number) => setDraft((d) => ({ ...d, start: clamp(t) })),
      setEnd: (t: number) => setDraft((d) => ({ ...d, end: clamp(t) })),
      cutFrom: (t: number) => setDraft((d) => ({ ...d, pendingFrom: clamp(t) })),
      /** Ends the cut begun with cutFrom; a cut "to" a time before its start runs the other way. */
      cutTo: (t: number): TimeRange | null => {
        let added: TimeRange | null = null;
        setDraft((d) => {
          if (d.pendingFrom === null) return d;
          const a = d.pendingFrom;
          const b = clamp(t);
          if (a === b) return { ...d, pendingFrom: null };
          added = { start: Math.min(a, b), end: Math.max(a, b) };
          const cuts = [...d.cuts, added].sort((x, y) => x.start - y.start);
          return { ...d, cuts, pendingFrom: null };
        });
        return added;
      },
      updateCut: (index: number, range: TimeRange) =>
        setDraft((d) => ({
          ...d,
          cuts: d.cuts.map((c, i) =>
            i === index ? { start: clamp(range.start), end: clamp(range.end) } : c,
          ),
        })),
      removeCut: (index: number) => setDraft((d) => ({ ...d, cuts: d.cuts.filter((_, i) => i !== index) })),
      reset: () => setDraft({ start: 0, end: duration, cuts: [], pendingFrom: null }),
    }),
    [clamp, duration],
  );
  return { draft, ...actions };
}
