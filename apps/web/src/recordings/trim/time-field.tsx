import { useEffect, useId, useState } from 'react';
import { formatTrimTime, parseTrimTime } from './trim-time.ts';

interface TimeFieldProps {
  label: string;
  value: number;
  max: number;
  hint: string;
  error: string;
  onChange: (seconds: number) => void;
}

/** A time typed as hh:mm:ss.mmm: taken when it leaves the field or on Enter, refused (with the reason) otherwise. */
export function TimeField({ label, value, max, hint, error, onChange }: TimeFieldProps) {
  const id = useId();
  const [text, setText] = useState(formatTrimTime(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(formatTrimTime(value));
    setInvalid(false);
  }, [value]);
  const commit = () => {
    const seconds = parseTrimTime(text);
    if (seconds === null || seconds > max + 0.0005) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onChange(seconds);
  };
  return (
    <div className="trim-time-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="trim-time-input"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      <span id={`${id}-hint`} className="field-hint">
        {hint}
      </span>
      {invalid ? (
        <span id={`${id}-error`} className="inline-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
