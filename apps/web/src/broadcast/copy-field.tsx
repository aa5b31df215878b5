import { useRef, useState } from 'react';

/** A read-only text (an address, a snippet) with a copy button; the outcome is said in a live region. */
export function CopyField({
  id,
  label,
  hint,
  value,
  multiline,
  texts,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  multiline?: boolean;
  texts: { copy: string; copied: string; copyFailed: string };
}) {
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyValue = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      field.current?.select();
      setCopy('failed');
    }
  };
  const control = {
    ref: field,
    id,
    readOnly: true,
    value,
    spellCheck: false,
    'aria-describedby': `${id}-hint`,
    onFocus: (e: { target: { select(): void } }) => e.target.select(),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {multiline ? <textarea rows={4} {...control} /> : <input type="text" {...control} />}
      <button
        type="button"
        className="button button--secondary field__action"
        onClick={() => void copyValue()}
      >
        {texts.copy}
      </button>
      <span role="status" aria-live="polite">
        {copy === 'copied' ? texts.copied : copy === 'failed' ? texts.copyFailed : ''}
      </span>
    </div>
  );
}
