import type { RefObject } from 'react';
import type { CaptionsEditorMessages } from '../../i18n/captions-editor-messages.ts';
import type { EditorCommand } from './editor-keys.ts';

/** A shortcut as aria-keyshortcuts names it (Control, ArrowLeft…). */
const ariaKeys = (keys: string) =>
  keys
    .replace('Ctrl', 'Control')
    .replace('←', 'ArrowLeft')
    .replace('→', 'ArrowRight')
    .replace('↓', 'ArrowDown')
    .replace('↑', 'ArrowUp');

/** Every operation as a button too, so nothing needs the shortcuts; the shortcut is in the title. */
export function EditorToolbar({
  m,
  busy,
  hasCues,
  run,
  addRef,
  onSave,
  onApprove,
}: {
  m: CaptionsEditorMessages;
  busy: boolean;
  hasCues: boolean;
  run: (c: EditorCommand) => void;
  addRef: RefObject<HTMLButtonElement | null>;
  onSave: () => void;
  onApprove: () => void;
}) {
  const cueButtons: Array<[string, EditorCommand, string]> = [
    [m.split, { op: 'split' }, 'Alt+S'],
    [m.merge, { op: 'merge' }, 'Alt+M'],
    [m.play, { op: 'play' }, 'Ctrl+Enter'],
    [m.startEarlier, { op: 'nudge', edge: 'start', deltaMs: -100 }, 'Alt+←'],
    [m.startLater, { op: 'nudge', edge: 'start', deltaMs: 100 }, 'Alt+→'],
    [m.endEarlier, { op: 'nudge', edge: 'end', deltaMs: -100 }, 'Alt+↓'],
    [m.endLater, { op: 'nudge', edge: 'end', deltaMs: 100 }, 'Alt+↑'],
    [m.remove, { op: 'remove' }, 'Alt+Delete'],
  ];
  return (
    <fieldset className="caption-editor__toolbar">
      <legend className="visually-hidden">{m.toolbarLabel}</legend>
      <button
        ref={addRef}
        type="button"
        className="button button--secondary"
        aria-keyshortcuts="Alt+N"
        onClick={() => run({ op: 'add' })}
      >
        {m.add}
      </button>
      {hasCues
        ? cueButtons.map(([label, command, keys]) => (
            <button
              key={label}
              type="button"
              className="button button--secondary"
              aria-keyshortcuts={ariaKeys(keys)}
              onClick={() => run(command)}
            >
              {label}
            </button>
          ))
        : null}
      <button
        type="button"
        className="button"
        aria-disabled={busy || undefined}
        aria-keyshortcuts="Control+S"
        onClick={() => !busy && onSave()}
      >
        {busy ? m.saving : m.save}
      </button>
      <button
        type="button"
        className="button"
        aria-disabled={busy || !hasCues || undefined}
        onClick={() => !busy && hasCues && onApprove()}
      >
        {m.approve}
      </button>
    </fieldset>
  );
}
