import type { ApiError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { ErrorSummary } from '../shared/error-summary.tsx';
import { useLocale } from '../shared/use-locale.ts';
import type { AccountForm } from './use-account-form.ts';

/** An account form's errors above it: the summary of its fields, then any other failure. */
export function AccountFormErrors({
  form,
  labels,
  describe,
}: {
  form: AccountForm;
  /** The fields' labels, by field name. */
  labels: Record<string, string>;
  /** This form's own sentence for a failure, where it has one. */
  describe?: (error: ApiError) => string | undefined;
}) {
  const { t } = useLocale();
  const summary = form.summary(labels);
  return (
    <>
      <ErrorSummary
        title={t.organiser.editor.errorSummary}
        intro={t.organiser.editor.errorCount(summary.length)}
        errors={summary}
        attempt={form.attempt}
      />
      {form.failure ? <ErrorNotice error={form.failure} message={describe?.(form.failure)} /> : null}
    </>
  );
}

/** An account form's submit button, which says it is working while the form is sent. */
export function AccountSubmit({
  busy,
  label,
  busyLabel,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
