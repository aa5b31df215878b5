import { FormField } from '../shared/form-field.tsx';
import type { EventFormValues } from './event-form-values.ts';
import { fieldInputId } from './event-form-values.ts';
import type { EventFormFields } from './use-event-form-fields.ts';

type TextKey = {
  [K in keyof EventFormValues]: string extends EventFormValues[K] ? K : never;
}[keyof EventFormValues];

/** A one-line text input of the event form; `field` is the server's name for it, `name` the value's. */
export function EventTextField({
  form,
  field,
  name,
  label,
  hint,
  type = 'text',
  narrow,
  autoComplete = 'off',
}: {
  form: EventFormFields;
  field: string;
  name: TextKey;
  label: string;
  hint?: string;
  type?: string;
  narrow?: boolean;
  autoComplete?: string;
}) {
  return (
    <FormField id={fieldInputId(field)} label={label} hint={hint} error={form.error(field)} narrow={narrow}>
      {(control) => (
        <input
          {...control}
          type={type}
          autoComplete={autoComplete}
          value={form.values[name]}
          onChange={(event) => form.set(name, event.target.value)}
        />
      )}
    </FormField>
  );
}

/** A whole number (places, days), typed as text so that the server's message explains a bad one. */
export function EventNumberField({
  form,
  name,
  label,
  hint,
}: {
  form: EventFormFields;
  name: 'capacity' | 'roomCapacity' | 'retentionDays';
  label: string;
  hint: string;
}) {
  return (
    <FormField id={fieldInputId(name)} label={label} hint={hint} error={form.error(name)} narrow>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          value={form.values[name]}
          onChange={(event) => form.set(name, event.target.value)}
        />
      )}
    </FormField>
  );
}
