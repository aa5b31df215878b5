import { useLocale } from '../shared/use-locale.ts';

/** An attendee's raised hand: one button that raises or lowers it, and a line saying it is up. */
export function HandControl({
  raised,
  busy,
  onChange,
}: {
  raised: boolean;
  busy: boolean;
  onChange: (raised: boolean) => void;
}) {
  const { t } = useLocale();
  const c = t.room.controls;
  return (
    <div className="hand-control">
      <button
        type="button"
        className={`button${raised ? ' button--secondary' : ''}`}
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) onChange(!raised);
        }}
      >
        <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" className="hand-control__icon">
          <path d="M5 8V3.5a1 1 0 0 1 2 0V7m0-4.5a1 1 0 0 1 2 0V7m0-3.5a1 1 0 0 1 2 0V8m0-2.5a1 1 0 0 1 2 0V10a5 5 0 0 1-5 5H8a4 4 0 0 1-3.5-2L3 10.5a1 1 0 0 1 1.7-1L5 10" />
        </svg>
        {raised ? c.lowerHand : c.raiseHand}
      </button>
      <p role="status" aria-live="polite" className="hand-control__state">
        {raised ? c.handRaised : ''}
      </p>
    </div>
  );
}
