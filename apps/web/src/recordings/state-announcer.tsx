import { useLocale } from '../shared/use-locale.ts';
import type { StateChange } from './find-state-changes.ts';

/**
 * A polite live region, present from the first render so that screen readers
 * are listening before the first change arrives.
 */
export function StateAnnouncer({ changes }: { changes: StateChange[] }) {
  const { t } = useLocale();
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="announcer"
    >
      {changes.map((c) => (
        <p key={`${c.id}:${c.state}`}>{t.recordings.announce(c.title, t.states[c.state])}</p>
      ))}
    </div>
  );
}
