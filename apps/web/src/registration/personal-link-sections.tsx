import { routePath, routes } from '../app/routes.ts';
import { CalendarLink } from '../events/calendar-link.tsx';
import { broadcastMessages } from '../i18n/broadcast-messages.ts';
import { osloMomentFormat } from '../shared/format-date.ts';
import { Link } from '../shared/link.tsx';
import { useLocale } from '../shared/use-locale.ts';
import type { OwnRegistration } from './registration-api.ts';

type OwnEvent = OwnRegistration['event'];

/** After a published event: it is over, and the replay (or that one is coming, when recorded). */
export function EndedNotice({ event }: { event: OwnEvent }) {
  const { t } = useLocale();
  const c = t.citizen;
  return (
    <div className="notice">
      <p className="lead">{c.overPersonal}</p>
      {event.replayUrl ? (
        <p>
          <a className="button" href={event.replayUrl}>
            {c.watchReplay}
          </a>
        </p>
      ) : event.recorded ? (
        <p>{c.replayComing}</p>
      ) : null}
    </div>
  );
}

/** The way into the room, with the personal token, and the event for the calendar. */
export function JoinSection({ event, token }: { event: OwnEvent; token: string }) {
  const { t, href, locale } = useLocale();
  const p = t.registration.personal;
  const b = broadcastMessages[locale];
  return (
    <section className="section" aria-labelledby="join-heading">
      <h2 id="join-heading" className="visually-hidden">
        {p.join}
      </h2>
      {/* The token rides in the fragment, which never reaches a server or its logs. */}
      <p>
        <Link
          className="button"
          to={`${href(routePath(routes.eventRoom, { slug: event.slug }))}#${token}`}
          aria-describedby="join-later"
        >
          {p.join}
        </Link>
      </p>
      <p id="join-later" className="muted">
        {p.joinLater}
      </p>
      {event.broadcastUrl ? (
        <>
          <p>
            <a href={event.broadcastUrl} aria-describedby="watch-on-website">
              {b.watchOnWebsite}
            </a>
          </p>
          <p id="watch-on-website" className="muted">
            {b.watchOnWebsiteHint}
          </p>
        </>
      ) : null}
      <CalendarLink event={event} />
    </section>
  );
}

/** Everything the registrant gave, and when. */
export function RegistrationFacts({ data }: { data: OwnRegistration }) {
  const { t, locale } = useLocale();
  const p = t.registration.personal;
  const c = t.citizen;
  const { registration, event } = data;
  const registeredAt = osloMomentFormat(locale, 'long', 'short').format(new Date(registration.createdAt));
  return (
    <section className="section" aria-labelledby="data-heading">
      <h2 id="data-heading">{p.yourRegistration}</h2>
      <dl className="facts">
        <div>
          <dt>{p.statusLabel}</dt>
          <dd>{p.status[registration.status]}</dd>
        </div>
        <div>
          <dt>{p.name}</dt>
          <dd>{registration.name}</dd>
        </div>
        <div>
          <dt>{p.email}</dt>
          <dd>{registration.email}</dd>
        </div>
        <div>
          <dt>{p.organisation}</dt>
          <dd>{registration.organisation ?? p.none}</dd>
        </div>
        <div>
          <dt>{p.accessibility}</dt>
          <dd>{registration.accessibilityNeeds ?? p.none}</dd>
        </div>
        {registration.attendance ? (
          <div>
            <dt>{c.attendance.label}</dt>
            <dd>{registration.attendance === 'in_person' ? c.attendance.inPerson : c.attendance.online}</dd>
          </div>
        ) : null}
        {event.customQuestions.map((q) => (
          <div key={q.id}>
            <dt>{q.label}</dt>
            <dd>{registration.answers[q.id] ?? p.none}</dd>
          </div>
        ))}
        <div>
          <dt>{p.registeredAt}</dt>
          <dd>{registeredAt}</dd>
        </div>
      </dl>
    </section>
  );
}
