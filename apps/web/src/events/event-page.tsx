import { useCallback, useState } from 'react';
import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../app/routes.ts';
import { RegistrationForm } from '../registration/registration-form.tsx';
import { offersRegistration, RegistrationStatus } from '../registration/registration-status.tsx';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { CalendarLink } from './calendar-link.tsx';
import { EventDescription } from './event-description.tsx';
import { EventFacts } from './event-facts.tsx';
import { usePublicEvent } from './use-public-event.ts';

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
