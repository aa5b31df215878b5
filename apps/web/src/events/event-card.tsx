import type { PublicEventPage } from '@folkemote/domain';
import { routePath, routes } from '../app/routes.ts';
import { formatDateBadge, formatEventTime } from '../shared/format-date.ts';
import { Link } from '../shared/link.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { ContactLinks } from './contact-links.tsx';

export function EventCard({ event }: { event: PublicEventPage }) {
  const { t, locale, href } = useLocale();
  const headingId = `event-${event.id}`;
  const badge = formatDateBadge(event.startsAt, locale);
  return (
    <article className="event-card" aria-labelledby={headingId}>
      {/* The full date is in the facts below; the leaf is for the eye only. */}
      <div className="event-card__date" aria-hidden="true">
        <span className="event-card__day">{badge.day}</span>
        <span className="event-card__month">{badge.month}</span>
      </div>
      <div className="event-card__body">
        <h3 id={headingId} lang={event.language}>
          <Link to={href(routePath(routes.event, { slug: event.slug }))}>{event.title}</Link>
        </h3>
        <dl className="facts">
          <div>
            <dt>{t.home.time}</dt>
            <dd>
              <time dateTime={event.startsAt}>{formatEventTime(event.startsAt, event.endsAt, locale)}</time>
            </dd>
          </div>
          <div>
            <dt>{t.home.organiser}</dt>
            <dd>{event.organisation.name}</dd>
          </div>
          <div>
            <dt>{t.home.contact}</dt>
            <dd>
              <ContactLinks contact={event.contact} />
            </dd>
          </div>
        </dl>
        {event.descriptionText ? (
          <p className="event-card__description" lang={event.language}>
            {event.descriptionText}
          </p>
        ) : null}
      </div>
    </article>
  );
}
