import type { ApiError } from '../api/api-error.ts';
import { useLocale } from '../hooks/use-locale.ts';
import type { Messages } from '../i18n/messages.ts';

/** The sentence for an API error: a lost connection reads differently from a server fault. */
export function describeApiError(error: ApiError, t: Messages): string {
  if (error.unreachable) return t.errors.unreachable;
  if (error.code === 'bad_response') return t.errors.badResponse;
  return t.errors.server(error.status ?? 0);
}

export function ErrorNotice({
  error,
  stale,
  onRetry,
}: {
  error: ApiError;
  stale?: boolean;
  onRetry?: () => void;
}) {
  const { t } = useLocale();
  return (
    <div className="notice notice--error" role="alert">
      <p>
        {describeApiError(error, t)}
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
