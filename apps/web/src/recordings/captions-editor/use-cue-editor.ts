import {
  addCueAfter,
  type CaptionCue,
  deleteCue,
  mergeWithNext,
  nudgeCue,
  setCueText,
  splitCue,
} from '@folkemote/domain';
import { useCallback, useState } from 'react';

/** Where focus goes after an operation: a cue's text, with the caret at a place in it. */
export interface FocusRequest {
  index: number;
  caret: number;
  /** Changes with every request, so asking for the same place twice still moves focus. */
  serial: number;
}

export interface CueEditorState {
  cues: CaptionCue[];
  current: number;
  dirty: boolean;
  focus: FocusRequest | null;
}

/**
 * The caption editor's state: the cues, the chosen one, and whether there are unsaved changes.
 * Every change goes through the pure operations of @folkemote/domain.
 */
export function useCueEditor(initial: CaptionCue[]) {
  const [state, setState] = useState<CueEditorState>({
    cues: initial,
    current: 0,
    dirty: false,
    focus: null,
  });

  const change = useCallback(
    (update: (s: CueEditorState) => { cues: CaptionCue[]; current: number; caret?: number } | null) =>
      setState((s) => {
        const next = update(s);
        if (!next) return s;
        const current = Math.max(0, Math.min(next.current, next.cues.length - 1));
        return {
          cues: next.cues,
          current,
          dirty: true,
          focus:
            next.caret === undefined
              ? s.focus
              : { index: current, caret: next.caret, serial: (s.focus?.serial ?? 0) + 1 },
        };
      }),
    [],
  );

  return {
    state,
    choose: useCallback(
      (index: number) => setState((s) => (s.current === index ? s : { ...s, current: index })),
      [],
    ),
    setText: useCallback(
      (index: number, text: string) =>
        change((s) => ({ cues: setCueText(s.cues, index, text), current: index })),
      [change],
    ),
    split: useCallback(
      (at: { timeMs?: number; textOffset?: number }) =>
        change((s) => {
          const cues = splitCue(s.cues, s.current, at);
          return cues.length === s.cues.length ? null : { cues, current: s.current + 1, caret: 0 };
        }),
      [change],
    ),
    merge: useCallback(
      () =>
        change((s) => {
          if (s.current + 1 >= s.cues.length) return null;
          const caret = s.cues[s.current]!.text.length;
          return { cues: mergeWithNext(s.cues, s.current), current: s.current, caret };
        }),
      [change],
    ),
    nudge: useCallback(
      (edge: 'start' | 'end', deltaMs: number) =>
        change((s) =>
          s.cues.length ? { cues: nudgeCue(s.cues, s.current, edge, deltaMs), current: s.current } : null,
        ),
      [change],
    ),
    add: useCallback(
      (atMs?: number) =>
        change((s) => ({
          cues: addCueAfter(s.cues, s.cues.length ? s.current : -1, atMs),
          current: s.cues.length ? s.current + 1 : 0,
          caret: 0,
        })),
      [change],
    ),
    remove: useCallback(
      () =>
        change((s) =>
          s.cues.length
            ? {
                cues: deleteCue(s.cues, s.current),
                current: Math.min(s.current, s.cues.length - 2),
                caret: 0,
              }
            : null,
        ),
      [change],
    ),
    markSaved: useCallback(() => setState((s) => ({ ...s, dirty: false })), []),
  };
}
