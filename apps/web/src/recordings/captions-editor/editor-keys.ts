/** What a key press in the caption editor asks for; null for any key the editor leaves alone. */
export type EditorCommand =
  | { op: 'split' }
  | { op: 'merge' }
  | { op: 'add' }
  | { op: 'remove' }
  | { op: 'play' }
  | { op: 'save' }
  | { op: 'nudge'; edge: 'start' | 'end'; deltaMs: number };

interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The editor's shortcuts (documented on the page). Letters are read from `code`, so they work
 * whatever the keyboard layout makes of Alt+letter (macOS types ß for Alt+S).
 */
export function readEditorKey(e: KeyLike): EditorCommand | null {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.altKey && e.key === 'Enter') return { op: 'play' };
  if (ctrl && !e.altKey && !e.shiftKey && e.code === 'KeyS') return { op: 'save' };
  if (!e.altKey || ctrl) return null;
  const step = e.shiftKey ? 1_000 : 100;
  switch (e.code) {
    case 'KeyS':
      return { op: 'split' };
    case 'KeyM':
      return { op: 'merge' };
    case 'KeyN':
      return { op: 'add' };
    case 'Delete':
      return { op: 'remove' };
    case 'ArrowLeft':
      return { op: 'nudge', edge: 'start', deltaMs: -step };
    case 'ArrowRight':
      return { op: 'nudge', edge: 'start', deltaMs: step };
    case 'ArrowDown':
      return { op: 'nudge', edge: 'end', deltaMs: -step };
    case 'ArrowUp':
      return { op: 'nudge', edge: 'end', deltaMs: step };
    default:
      return null;
  }
}
