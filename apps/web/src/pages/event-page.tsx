import { useCallback, useState } from 'react';
import { CalendarLink } from '../components/calendar-link.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { EventDescription } from '../components/event-description.tsx';
import { EventFacts } from '../components/event-facts.tsx';
import { Link } from '../components/link.tsx';
import { RegistrationForm } from '../components/registration-form.tsx';
import { offersRegistration, RegistrationStatus } from '../components/registration-status.tsx';
import { useLocale, usePageTitle } from '../hooks/use-locale.ts';
import { usePublicEvent } from '../hooks/use-public-event.ts';
import { useLocation } from '../router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../routes.ts';

/**
 * The public event page: facts, description, notices, the registration form while it is open (or
 * why it is closed), and the calendar file.
 */
export function EventPage() {
  const { t, href } = useLocale();
  const { pathname } = useLocation();
  const slug = matchRouteWithParams(pathname).params.slug ?? '';
  const event = usePublicEvent(slug);
  const r = t.registration;
  // Once one has registered the form stays (with its result) even if the refreshed event is now full.
  const [registered, setRegistered] = useState(false);
  const { refresh } = event;
  const onRegistered = useCallback(() => {
    setRegistered(true);
    refresh();
  }, [refresh]);
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
          {e.recorded && !e.hasEnded ? (
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
          <RegistrationStatus event={e} />
          {offersRegistration(e) || registered ? (
            <RegistrationForm event={e} onRegistered={onRegistered} />
          ) : null}
          <CalendarLink event={e} />
          <p>
            <Link to={href(routePath(routes.eventPrivacy, { slug: e.slug }))}>{r.personal.privacyLink}</Link>
          </p>
        </div>
      </div>
    </>
  );
}
