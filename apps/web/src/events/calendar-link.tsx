import type { PublicEventPage } from '@folkemote/domain';
import { useLocale } from '../shared/use-locale.ts';

/** The event's calendar file (.ics), the same entry the confirmation e-mail carries, while the event is still to come. */
export function CalendarLink({ event }: { event: Pick<PublicEventPage, 'slug' | 'hasEnded' | 'status'> }) {
  const { t } = useLocale();
  if (event.hasEnded || event.status !== 'published') return null;
  return (
    <div className="calendar-link">
      <a
        className="button button--secondary"
        href={`/api/events/${encodeURIComponent(event.slug)}/calendar.ics`}
        download={`${event.slug}.ics`}
        aria-describedby={`calendar-hint-${event.slug}`}
      >
        {t.citizen.addToCalendar}
      </a>
      <p id={`calendar-hint-${event.slug}`} className="muted">
        {t.citizen.addToCalendarHint}
      </p>
    </div>
  );
}
