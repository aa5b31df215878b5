import type { PublicEventView } from '@folkemote/domain';
import { formatEventTime, osloMomentFormat } from '../shared/format-date.ts';
import { useLocale } from '../shared/use-locale.ts';
import { ContactLinks } from './contact-links.tsx';
import { mapSearchUrl } from './map-search-url.ts';

/** Time (in Norwegian time), place, organiser, contact, seats and deadline of an event. */
export function EventFacts({ event }: { event: PublicEventView }) {
  const { t, locale } = useLocale();
  const r = t.registration.event;
  const deadline = event.registrationClosesAt
    ? osloMomentFormat(locale, 'full', 'short').format(new Date(event.registrationClosesAt))
    : null;
  return (
    <dl className="facts">
      <div>
        <dt>{r.time}</dt>
        <dd>
          <time dateTime={event.startsAt}>{formatEventTime(event.startsAt, event.endsAt, locale)}</time>
        </dd>
      </div>
      <div>
        <dt>{r.place}</dt>
        <dd>
          {r.modes[event.mode]}
          {event.address && event.mode !== 'online' ? (
            <>
              {`, ${event.address}`}
              <br />
              <a href={mapSearchUrl(event.address)}>{t.citizen.showOnMap}</a>
            </>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{r.organiser}</dt>
        <dd>{event.organisation.name}</dd>
      </div>
      <div>
        <dt>{r.contact}</dt>
        <dd>
          <ContactLinks contact={event.contact} />
        </dd>
      </div>
      <div>
        <dt>{r.seats}</dt>
        <dd>{event.seatsLeft === null ? r.unlimited : r.seatsLeft(event.seatsLeft)}</dd>
      </div>
      {event.mode === 'hybrid' && event.roomSeatsLeft !== null ? (
        <div>
          <dt>{t.citizen.roomSeats}</dt>
          <dd>{t.citizen.roomSeatsLeft(event.roomSeatsLeft)}</dd>
        </div>
      ) : null}
      {deadline ? (
        <div>
          <dt>{r.deadline}</dt>
          <dd>
            <time dateTime={event.registrationClosesAt!}>{deadline}</time>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
