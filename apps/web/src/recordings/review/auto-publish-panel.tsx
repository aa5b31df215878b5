import { useEffect, useId, useState } from 'react';
import { reviewMessages } from '../../i18n/review-messages.ts';
import type { ApiError } from '../../shared/api-error.ts';
import { describeApiError } from '../../shared/describe-api-error.ts';
import { CheckField } from '../../shared/form-field.tsx';
import { toApiError } from '../../shared/use-api-resource.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { fetchAutoPublish, saveAutoPublish } from './review-api.ts';

/**
 * The event's option to publish its recordings as soon as they are processed; off (held for
 * review) unless an organiser turns it on. Saved when changed, and said in a live region.
 */
export function AutoPublishPanel({ slug }: { slug: string }) {
  const { t, locale } = useLocale();
  const r = reviewMessages[locale];
  const id = useId();
  const [value, setValue] = useState<boolean | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchAutoPublish(slug, controller.signal).then(setValue, (e: unknown) => {
      if (!controller.signal.aborted) setError(toApiError(e));
    });
    return () => controller.abort();
  }, [slug]);
  const change = async (next: boolean) => {
    setValue(next);
    setSaved(null);
    setError(null);
    try {
      await saveAutoPublish(slug, next);
      setSaved(r.autoPublishSaved(next));
    } catch (e) {
      setValue(!next);
      setError(toApiError(e));
    }
  };
  return (
    <section className="panel auto-publish" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.recordings.title}</h2>
      {value === null ? null : (
        <CheckField
          id={`${id}-auto`}
          label={r.autoPublish}
          hint={r.autoPublishHint}
          checked={value}
          onChange={(next) => void change(next)}
        />
      )}
      <div role="status" aria-live="polite">
        {saved ? <p>{saved}</p> : null}
      </div>
      {error ? (
        <p className="inline-error" role="alert">
          {r.failed} {describeApiError(error, t)}
        </p>
      ) : null}
    </section>
  );
}
