import { useLocale } from '../shared/use-locale.ts';
import { describeFieldError, type EventFormValues } from './event-form-values.ts';

/** What every section of the event form reads and writes: the values, a setter and each field's error. */
export interface EventFormFields {
  values: EventFormValues;
  /** Changes several values at once (the title and the slug it suggests). */
  update: (change: Partial<EventFormValues>) => void;
  set: <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => void;
  /** The first error the server gave for a field, in the organiser's language. */
  error: (field: string) => string | undefined;
}

/**
 * The event form's behaviour: the page owns the values and the errors; the sections get one object
 * to read a value, change it and find its error.
 */
export function useEventFormFields(
  values: EventFormValues,
  onChange: (values: EventFormValues) => void,
  fieldErrors: Record<string, string[]>,
): EventFormFields {
  const { t } = useLocale();
  const update = (change: Partial<EventFormValues>) => onChange({ ...values, ...change });
  return {
    values,
    update,
    set: (key, value) => update({ [key]: value }),
    error: (field) => {
      const message = fieldErrors[field]?.[0];
      return message === undefined ? undefined : describeFieldError(message, t.organiser.editor.fieldErrors);
    },
  };
}
