import type { ApiError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { describeQaError } from './describe-questions-error.ts';

/** A failed Q&A request, said as specifically as the answer allows. */
export function QaErrorNotice({ error }: { error: ApiError }) {
  const { t } = useLocale();
  return <ErrorNotice error={error} message={describeQaError(error, t.qa)} />;
}
