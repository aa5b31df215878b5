import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A label, an optional hint and error, and the control they describe: the hint
 * and the error are tied to the control with aria-describedby, and a control with
 * an error is marked aria-invalid.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  narrow,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  narrow?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={narrow ? 'field field--narrow' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
    </div>
  );
}

/**
 * A FormField around a one-line input (text, e-mail, password, search): the other input
 * attributes pass through, and what is typed goes to `onValueChange`.
 */
export function InputField({
  id,
  label,
  hint,
  error,
  onValueChange,
  inputRef,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  onValueChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <FormField id={id} label={label} hint={hint} error={error ?? undefined}>
      {(control) => (
        <input
          {...input}
          {...control}
          ref={inputRef}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

/** A checkbox with its label beside it, and an error when there is one. */
export function CheckField({
  id,
  label,
  hint,
  error,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
