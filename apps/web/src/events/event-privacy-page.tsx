import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../app/routes.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { usePublicEvent } from './use-public-event.ts';

/** What is kept about registrants of one event (their questions included), why, for how long, and how to delete it. */
export function EventPrivacyPage() {
  const { t, href } = useLocale();
  const { pathname } = useLocation();
  const slug = matchRouteWithParams(pathname).params.slug ?? '';
  const event = usePublicEvent(slug);
  const p = t.registration.privacy;
  usePageTitle(
    t.layout.pageTitle(event.status === 'ready' ? p.title(event.data.title) : t.registration.event.loading),
  );

  if (event.status === 'loading')
    return (
      <p className="muted" role="status">
        {t.registration.event.loading}
      </p>
    );
  if (event.status === 'error')
    return (
      <>
        <h1 tabIndex={-1}>{t.registration.event.notFound}</h1>
        <ErrorNotice error={event.error} />
      </>
    );
  const e = event.data;
  return (
    <div className="prose">
      <h1 tabIndex={-1}>{p.title(e.title)}</h1>
      <p className="lead">{p.controller(e.organisation.name)}</p>
      <h2>{p.whatHeading}</h2>
      <ul>
        {p.what.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>{p.whyHeading}</h2>
      <p>{p.why}</p>
      {e.recorded ? <p>{p.recorded}</p> : null}
      <h2>{p.howLongHeading}</h2>
      <p>{p.howLong(e.retentionDays)}</p>
      <p>{p.questions}</p>
      <h2>{p.deleteHeading}</h2>
      <p>{p.delete}</p>
      <p>{p.deleteQuestions}</p>
      <h2>{p.contactHeading}</h2>
      <p>
        {e.contact.name}, <a href={`mailto:${e.contact.email}`}>{e.contact.email}</a>
      </p>
      <p>
        <Link to={href(routePath(routes.event, { slug: e.slug }))}>{p.backToEvent}</Link>
      </p>
    </div>
  );
}
