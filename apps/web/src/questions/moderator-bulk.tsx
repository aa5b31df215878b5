import { useId } from 'react';
import { useLocale } from '../shared/use-locale.ts';

/** The selection's tools: approve or dismiss the selected questions, select the pending ones, clear. */
export function ModeratorBulk({
  count,
  onBulk,
  onSelectPending,
  onClear,
}: {
  count: number;
  onBulk: (status: 'live' | 'dismissed') => void;
  onSelectPending: () => void;
  onClear: () => void;
}) {
  const m = useLocale().t.qa.moderator;
  const id = useId();
  return (
    <section className="qa-bulk" aria-labelledby={`${id}-bulk`}>
      <h2 id={`${id}-bulk`} className="qa-bulk__heading">
        {m.bulk.heading}
      </h2>
      <p className="qa-bulk__count">{m.bulk.selected(count)}</p>
      <div className="qa-actions">
        <button type="button" className="button" onClick={() => onBulk('live')}>
          {m.bulk.approve}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onBulk('dismissed')}>
          {m.bulk.dismiss}
        </button>
        <button type="button" className="button button--secondary" onClick={onSelectPending}>
          {m.bulk.selectPending}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {m.bulk.clear}
        </button>
      </div>
    </section>
  );
}
