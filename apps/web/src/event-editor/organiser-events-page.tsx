import { routePath, routes } from '../app/routes.ts';
import { useOrganiserSession } from '../auth/use-organiser-session.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { formatEventTime } from '../shared/format-date.ts';
import { Link } from '../shared/link.tsx';
import { useApiResource } from '../shared/use-api-resource.ts';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { fetchOrganiserEvents } from './organiser-events-api.ts';

export function OrganiserEventsPage() {
  const { t, href, locale } = useLocale();
  const e = t.organiser.events;
  const session = useOrganiserSession();
  const events = useApiResource(fetchOrganiserEvents);
  usePageTitle(t.layout.pageTitle(e.title));

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{e.title}</h1>
        <p className="lead">
          {e.intro} ({session.organisation.name})
        </p>
        <p>
          <Link className="button" to={href(routes.newEvent)}>
            {e.create}
          </Link>
        </p>
      </div>
      {events.status === 'loading' ? (
        <p className="muted" role="status">
          {e.loading}
        </p>
      ) : null}
      {events.status === 'error' ? <ErrorNotice error={events.error} /> : null}
      {events.status === 'ready' && events.data.length === 0 ? <p className="panel">{e.empty}</p> : null}
      {events.status === 'ready' && events.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{e.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{e.columns.title}</th>
                <th scope="col">{e.columns.time}</th>
                <th scope="col">{e.columns.status}</th>
                <th scope="col">{e.columns.registrations}</th>
                <th scope="col">{e.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((event) => (
                <tr key={event.id}>
                  <th scope="row">
                    <Link to={href(routePath(routes.editEvent, { slug: event.slug }))} lang={event.language}>
                      {event.title}
                    </Link>
                  </th>
                  <td>
                    <time dateTime={event.startsAt}>
                      {formatEventTime(event.startsAt, event.endsAt, locale)}
                    </time>
                  </td>
                  <td className="status-text">{t.organiser.status[event.status]}</td>
                  <td>{e.counts(event.counts.confirmed, event.counts.waitlisted)}</td>
                  <td>
                    <Link to={href(routePath(routes.eventRegistrations, { slug: event.slug }))}>
                      {t.organiser.editor.registrationsLink}
                      <span className="visually-hidden"> – {event.title}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
