import type { PublicEventView } from '@folkemote/domain';
import { ErrorNotice } from '../components/error-notice.tsx';
import { EventDescription } from '../components/event-description.tsx';
import { EventFacts } from '../components/event-facts.tsx';
import { Link } from '../components/link.tsx';
import { RegistrationForm } from '../components/registration-form.tsx';
import { osloMomentFormat } from '../format/format-date.ts';
import { useLocale, usePageTitle } from '../hooks/use-locale.ts';
import { usePublicEvent } from '../hooks/use-public-event.ts';
import { useLocation } from '../router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../routes.ts';

/** The public event page: facts, description, notices, and the registration form while it is open. */
export function EventPage() {
  const { t, href } = useLocale();
  const { pathname } = useLocation();
  const slug = matchRouteWithParams(pathname).params.slug ?? '';
  const event = usePublicEvent(slug);
  const r = t.registration;
  usePageTitle(t.layout.pageTitle(event.status === 'ready' ? event.data.title : r.event.loading));

  if (event.status === 'loading')
    return (
      <p className="muted" role="status">
        {r.event.loading}
      </p>
    );
  if (event.status === 'error')
    return (
      <>
        <h1 tabIndex={-1}>{r.event.notFound}</h1>
        {event.error.status === 404 ? null : <ErrorNotice error={event.error} />}
        <p>
          <Link to={href(routes.home)}>{r.event.backToEvents}</Link>
        </p>
      </>
    );
  const e = event.data;
  return (
    <>
      <div className="page-intro">
        <p>
          <Link to={href(routes.home)}>{r.event.backToEvents}</Link>
        </p>
        <h1 tabIndex={-1} lang={e.language}>
          {e.title}
        </h1>
      </div>
      {e.status === 'cancelled' ? (
        <div className="notice notice--error">
          <p>{r.event.cancelled}</p>
        </div>
      ) : null}
      <div className="home-grid">
        <div>
          <EventFacts event={e} />
          {e.recorded ? (
            <div className="notice">
              <p>{r.event.recorded}</p>
            </div>
          ) : null}
          {e.description ? (
            <section aria-labelledby="about-heading" className="section">
              <h2 id="about-heading">{r.event.about}</h2>
              <EventDescription event={e} />
            </section>
          ) : null}
        </div>
        <div>
          <RegistrationState event={e} />
          {e.registrationState === 'open' || e.registrationState === 'waitlist' ? (
            <RegistrationForm event={e} />
          ) : null}
          <p>
            <Link to={href(routePath(routes.eventPrivacy, { slug: e.slug }))}>{r.personal.privacyLink}</Link>
          </p>
        </div>
      </div>
    </>
  );
}

function RegistrationState({ event }: { event: PublicEventView }) {
  const { t, locale } = useLocale();
  const s = t.registration.state;
  const opens = event.registrationOpensAt
    ? osloMomentFormat(locale, 'long', 'short').format(new Date(event.registrationOpensAt))
    : '';
  const text: Record<PublicEventView['registrationState'], string> = {
    open: s.open,
    waitlist: s.waitlist,
    full: s.full,
    not_yet_open: s.notYetOpen(opens),
    closed: s.closed,
    cancelled: s.cancelled,
    draft: s.closed,
  };
  return <p className="lead">{text[event.registrationState]}</p>;
}
