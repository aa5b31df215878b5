import { useEffect, useRef } from 'react';
import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../app/routes.ts';
import { EventFacts } from '../events/event-facts.tsx';
import type { ApiError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { CancelPanel, DeletePanel } from './personal-link-actions.tsx';
import { EndedNotice, JoinSection, RegistrationFacts } from './personal-link-sections.tsx';
import { useOwnRegistration } from './use-own-registration.ts';

/** The registration behind the link in the address, and focus on the outcome once cancelled or deleted. */
function usePersonalLink() {
  const { pathname } = useLocation();
  const token = matchRouteWithParams(pathname).params.token ?? '';
  const own = useOwnRegistration(token);
  const outcome = useRef<HTMLParagraphElement>(null);
  const cancelled = own.state.status === 'ready' && own.state.data.registration.status === 'cancelled';
  useEffect(() => {
    if (cancelled || own.state.status === 'deleted') outcome.current?.focus();
  }, [cancelled, own.state.status]);
  return { token, own, cancelled, outcome };
}

/** The page behind a registrant's personal link: their data, the join button, cancel and delete. */
export function PersonalLinkPage() {
  const { t, href } = useLocale();
  const { token, own, cancelled, outcome } = usePersonalLink();
  const p = t.registration.personal;
  usePageTitle(t.layout.pageTitle(p.title));

  if (own.state.status === 'loading')
    return (
      <p className="muted" role="status">
        {p.loading}
      </p>
    );
  if (own.state.status === 'deleted')
    return (
      <>
        <h1>{p.title}</h1>
        <p ref={outcome} tabIndex={-1} role="status">
          {p.deleted}
        </p>
      </>
    );
  if (own.state.status === 'error') return <PersonalLinkFailure error={own.state.error} />;

  const { registration, event } = own.state.data;
  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{p.title}</h1>
        <p className="lead" lang={event.language}>
          <Link to={href(routePath(routes.event, { slug: event.slug }))}>{event.title}</Link>
        </p>
      </div>
      <div className="home-grid">
        <div>
          <EventFacts event={event} />
          {event.hasEnded && event.status === 'published' ? <EndedNotice event={event} /> : null}
          {registration.status === 'confirmed' && event.status === 'published' && !event.hasEnded ? (
            <JoinSection event={event} token={token} />
          ) : null}
          <RegistrationFacts data={own.state.data} />
        </div>
        <div>
          {own.actionError ? <ErrorNotice error={own.actionError} /> : null}
          <CancelPanel own={own} event={event} cancelled={cancelled} outcome={outcome} />
          <DeletePanel own={own} />
          <p>
            <Link to={href(routePath(routes.eventPrivacy, { slug: event.slug }))}>{p.privacyLink}</Link>
          </p>
        </div>
      </div>
    </>
  );
}

/** The link is unknown (or no longer valid), or the API did not answer. */
function PersonalLinkFailure({ error }: { error: ApiError }) {
  const { t } = useLocale();
  const p = t.registration.personal;
  return (
    <>
      <h1 tabIndex={-1}>{p.title}</h1>
      {error.status === 404 ? (
        <div className="notice notice--error" role="alert">
          <p>{p.invalid}</p>
        </div>
      ) : (
        <ErrorNotice error={error} />
      )}
    </>
  );
}
