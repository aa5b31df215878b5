import { type FormEvent, useState } from 'react';
import { describeFieldError } from '../event-editor/event-form-values.ts';
import type { OrganiserMessages } from '../i18n/organiser-messages.ts';
import type { ApiError } from '../shared/api-error.ts';
import type { SummaryError } from '../shared/error-summary.tsx';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';

/** For a 400, the form's own fields the API refused, each with its first problem in words. */
export function readRefusedFields(
  error: ApiError,
  fields: readonly string[],
  words: OrganiserMessages['editor']['fieldErrors'],
): Record<string, string> {
  if (error.status !== 400) return {};
  return Object.fromEntries(
    fields
      .filter((field) => error.fields[field])
      .map((field) => [field, describeFieldError(error.fields[field]![0] ?? '', words)]),
  );
}

/**
 * A small account form (sign in, ask for a reset link, set a new password): its submit, the API's
 * refusal of its own fields (`inputIds`: field name → input id) in words, any other failure, and a
 * count of failed attempts for the error summary. `handle` takes a failure the page answers itself.
 *
 * @example
 * const form = useAccountForm({ email: 'forgot-email' });
 * <form onSubmit={form.submit(() => requestPasswordReset(email, locale))}>
 */
export function useAccountForm(inputIds: Record<string, string>) {
  const { t } = useLocale();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  const submit =
    (run: () => Promise<void>, handle?: (error: ApiError) => boolean) => async (event: FormEvent) => {
      event.preventDefault();
      setBusy(true);
      setFailure(null);
      setFields({});
      try {
        await run();
      } catch (caught) {
        const error = toApiError(caught);
        const refused = readRefusedFields(error, Object.keys(inputIds), t.organiser.editor.fieldErrors);
        if (Object.keys(refused).length > 0) setFields(refused);
        else if (!handle?.(error)) setFailure(error);
        setAttempt((n) => n + 1);
      }
      setBusy(false);
    };

  /** The fields' errors for the summary at the top, with their labels. */
  const summary = (labels: Record<string, string>): SummaryError[] =>
    Object.entries(fields).map(([field, message]) => ({
      inputId: inputIds[field] ?? field,
      label: labels[field] ?? field,
      message,
    }));

  return { busy, failure, attempt, submit, summary, errorOf: (field: string) => fields[field] };
}

export type AccountForm = ReturnType<typeof useAccountForm>;
