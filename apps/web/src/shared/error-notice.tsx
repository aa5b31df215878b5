import type { ApiError } from './api-error.ts';
import { describeApiError } from './describe-api-error.ts';
import { useLocale } from './use-locale.ts';

export function ErrorNotice({
  error,
  message,
  stale,
  retrying,
  onRetry,
}: {
  error: ApiError;
  /** The sentence to show instead of the general one for the error. */
  message?: string;
  stale?: boolean;
  /** Whether the page asks again by itself; only then does the text promise a retry. */
  retrying?: boolean;
  onRetry?: () => void;
}) {
  const { t } = useLocale();
  return (
    <div className="notice notice--error" role="alert">
      <p>
        {message ?? describeApiError(error, t, { retrying })}
        {stale ? ` ${t.errors.stale}` : ''}
      </p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t.errors.tryNow}
        </button>
      ) : null}
    </div>
  );
}
