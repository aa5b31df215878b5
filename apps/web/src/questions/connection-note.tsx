import { useLocale } from '../shared/use-locale.ts';
import type { StreamStatus } from './follow-event-stream.ts';

/**
 * Whether the list is live. Only a lost connection goes into the live region;
 * connecting and being connected are shown, not announced.
 */
export function ConnectionNote({ status }: { status: StreamStatus }) {
  const { t } = useLocale();
  const text = t.qa.connection[status];
  return (
    <p className={`qa-connection qa-connection--${status}`}>
      <span className="qa-connection__dot" aria-hidden="true" />
      {status === 'reconnecting' ? null : <span>{text}</span>}
      <span role="status">{status === 'reconnecting' ? text : null}</span>
    </p>
  );
}
