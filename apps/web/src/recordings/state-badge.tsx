import type { RecordingState } from '@folkemote/domain';
import { useLocale } from '../shared/use-locale.ts';

export function StateBadge({ state }: { state: RecordingState }) {
  const { t } = useLocale();
  return (
    <span className={`badge badge--${state}`} data-state={state}>
      <span className="badge__dot" aria-hidden="true" />
      {t.states[state]}
    </span>
  );
}
