import type { RecordingView } from '@folkemote/contract';
import { type FormEvent, useId, useState } from 'react';
import { reviewMessages } from '../../i18n/review-messages.ts';
import type { ApiError } from '../../shared/api-error.ts';
import { describeApiError } from '../../shared/describe-api-error.ts';
import { FormField } from '../../shared/form-field.tsx';
import { toApiError } from '../../shared/use-api-resource.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { renameRecording } from './review-api.ts';

/** A recording's title: checked here as the API checks it, then saved (a public one's pages follow). */
export function RenameForm({
  recording,
  onRenamed,
}: {
  recording: RecordingView;
  onRenamed: (title: string) => void;
}) {
  const { t, locale } = useLocale();
  const r = reviewMessages[locale];
  const id = useId();
  const [title, setTitle] = useState(recording.title);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = title.trim();
    if (!wanted) return setError(r.titleEmpty);
    if (wanted.length > 200) return setError(r.titleTooLong);
    setError(null);
    setFailure(null);
    setBusy(true);
    try {
      await renameRecording(recording.id, wanted);
      onRenamed(wanted);
    } catch (caught) {
      setFailure(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="review-rename" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{r.rename}</h2>
      <FormField id={`${id}-title`} label={r.renameLabel} error={error ?? undefined}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={title}
            maxLength={250}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </FormField>
      {failure ? (
        <p className="inline-error" role="alert">
          {r.failed} {describeApiError(failure, t)}
        </p>
      ) : null}
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? r.renaming : r.rename}
      </button>
    </form>
  );
}
