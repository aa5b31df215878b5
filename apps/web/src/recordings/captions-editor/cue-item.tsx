import type { CaptionCue, CueWarning } from '@folkemote/domain';
import type { CaptionsEditorMessages } from '../../i18n/captions-editor-messages.ts';
import { formatCueTime } from './format-cue-time.ts';

/** One cue: its times, its text and what rules it breaks, said in words next to it. */
export function CueItem({
  cue,
  index,
  warnings,
  language,
  current,
  m,
  textRef,
  onFocus,
  onText,
}: {
  cue: CaptionCue;
  index: number;
  warnings: CueWarning[];
  language: string;
  current: boolean;
  m: CaptionsEditorMessages;
  textRef: (el: HTMLTextAreaElement | null) => void;
  onFocus: () => void;
  onText: (text: string) => void;
}) {
  const id = `cue-${index}`;
  const n = index + 1;
  return (
    <li className={current ? 'cue cue--current' : 'cue'} data-cue={index}>
      <label htmlFor={`${id}-text`} className="cue__label">
        {m.cueLabel(n, formatCueTime(cue.startMs), formatCueTime(cue.endMs))}
      </label>
      <textarea
        id={`${id}-text`}
        ref={textRef}
        className="cue__text"
        lang={language}
        rows={2}
        value={cue.text}
        aria-describedby={warnings.length ? `${id}-warnings` : undefined}
        aria-invalid={cue.text.trim() === '' ? true : undefined}
        onFocus={onFocus}
        onChange={(e) => onText(e.target.value)}
      />
      {warnings.length ? (
        <ul id={`${id}-warnings`} className="cue__warnings">
          {warnings.map((w) => (
            <li key={`${w.code}-${'line' in w ? w.line : ''}`}>{m.warning(w)}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
