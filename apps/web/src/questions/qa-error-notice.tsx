import type { ApiError } from '../api/api-error.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { useLocale } from '../hooks/use-locale.ts';
import { describeQaError } from './describe-qa-error.ts';

/** A failed Q&A request, said as specifically as the answer allows. */
export function QaErrorNotice({ error }: { error: ApiError }) {
  const { t } = useLocale();
  return <ErrorNotice error={error} message={describeQaError(error, t.qa)} />;
}
