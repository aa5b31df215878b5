import type { PublicEventPage } from '@folkemote/domain';
import { EventDescription } from '../events/event-description.tsx';
import { EventFacts } from '../events/event-facts.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { announcedTimeLeft, countdownParts, twoDigits } from './countdown.ts';
import { useNow } from './use-now.ts';

/**
 * Before the webinar starts: a ticking countdown to the start, the event's details, and that the
 * page updates itself. The clock ticks every second for the eye only; screen readers get a polite
 * sentence that changes at most once a minute.
 */
export function WaitingScreen({
  event,
  backstageOpen,
}: {
  event: PublicEventPage | null;
  backstageOpen: boolean;
}) {
  const { t } = useLocale();
  const w = t.room.waiting;
  const startsAt = event ? Date.parse(event.startsAt) : Number.NaN;
  const now = useNow(Number.isFinite(startsAt));
  const left = Number.isFinite(startsAt) ? startsAt - now : 0;
  const parts = countdownParts(left);
  const spoken = announcedTimeLeft(left);
  const units = [
    ...(parts.days > 0 ? [{ key: 'days', value: String(parts.days), label: w.units.days(parts.days) }] : []),
    { key: 'hours', value: twoDigits(parts.hours), label: w.units.hours(parts.hours) },
    { key: 'minutes', value: twoDigits(parts.minutes), label: w.units.minutes(parts.minutes) },
    { key: 'seconds', value: twoDigits(parts.seconds), label: w.units.seconds(parts.seconds) },
  ];
  return (
    <div className="home-grid">
      <section className="panel waiting" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{w.heading}</h2>
        {!event ? null : spoken ? (
          <div aria-hidden="true">
            <p className="countdown__label">{w.startsIn}</p>
            <p className="countdown" data-testid="countdown">
              {units.map((u) => (
                <span key={u.key} className="countdown__unit">
                  <span className="countdown__value">{u.value}</span>
                  <span className="countdown__name">{u.label}</span>
                </span>
              ))}
            </p>
          </div>
        ) : null}
        <p
          role="status"
          aria-live="polite"
          aria-atomic="true"
          className={spoken || !event ? 'visually-hidden' : undefined}
        >
          {!event ? '' : spoken ? w.announce(spoken.days, spoken.hours, spoken.minutes) : w.startingSoon}
        </p>
        {backstageOpen ? <p>{w.backstage}</p> : null}
        {event?.recorded ? (
          <div className="notice">
            <p>{t.room.recording.notice}</p>
          </div>
        ) : null}
        <p className="muted">{w.autoUpdate}</p>
      </section>
      {event ? (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{w.about}</h2>
          <EventFacts event={event} />
          {event.description ? <EventDescription event={event} /> : null}
        </section>
      ) : null}
    </div>
  );
}
