import { ErrorNotice } from '../shared/error-notice.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { EventList } from './event-list.tsx';
import { splitEvents } from './split-events.ts';
import { useEvents } from './use-events.ts';
import { useSite } from './use-site.ts';

export function HomePage() {
  const { t } = useLocale();
  const events = useEvents();
  const site = useSite();
  usePageTitle(t.layout.pageTitle(t.home.title));
  const split = events.status === 'ready' ? splitEvents(events.data, new Date()) : null;

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{t.home.title}</h1>
        <p className="lead">{t.home.intro}</p>
      </div>

      <div className="home-grid">
        <div>
          {events.status === 'loading' ? (
            <p className="muted" role="status">
              {t.home.loading}
            </p>
          ) : null}
          {events.status === 'error' ? <ErrorNotice error={events.error} /> : null}
          {split ? (
            <>
              <section aria-labelledby="upcoming-heading" className="section">
                <h2 id="upcoming-heading">{t.home.upcoming}</h2>
                <EventList events={split.upcoming} empty={t.home.noUpcoming} />
              </section>
              <section aria-labelledby="past-heading" className="section">
                <h2 id="past-heading">{t.home.past}</h2>
                <EventList events={split.past} empty={t.home.noPast} past />
              </section>
            </>
          ) : null}
        </div>

        <section aria-labelledby="archive-heading" className="panel archive-panel">
          <h2 id="archive-heading">{t.home.archiveHeading}</h2>
          <p>{t.home.archiveText}</p>
          {site.status === 'ready' ? (
            <p>
              <a className="button button--link" href={site.data.archiveUrl}>
                {t.home.archiveLink}
              </a>
            </p>
          ) : null}
          {site.status === 'error' ? <p className="muted">{t.home.archiveUnavailable}</p> : null}
        </section>
      </div>
    </>
  );
}
