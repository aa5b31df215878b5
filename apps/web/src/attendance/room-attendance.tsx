import { useCallback, useId } from 'react';
import { fetchRoomAttendance } from '../event-editor/organiser-events-api.ts';
import { roomAttendanceMessages } from '../i18n/room-attendance-messages.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { osloMomentFormat } from '../shared/format-date.ts';
import { useApiResource } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';

/**
 * For the organiser after (or during) the webinar: who of the registrants was in the live room,
 * first when and for how many minutes; the counts (for a hybrid event, in the room and online too),
 * and the list as CSV in the organiser's language.
 */
export function RoomAttendance({ slug }: { slug: string }) {
  const { locale } = useLocale();
  const m = roomAttendanceMessages[locale];
  const headingId = useId();
  const captionId = useId();
  const load = useCallback((signal: AbortSignal) => fetchRoomAttendance(slug, signal), [slug]);
  const data = useApiResource(load);
  const dateTime = osloMomentFormat(locale, 'short', 'short');

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.heading}</h2>
      <p>{m.intro}</p>
      {data.status === 'loading' ? (
        <p className="muted" role="status">
          {m.loading}
        </p>
      ) : null}
      {data.status === 'error' ? <ErrorNotice error={data.error} /> : null}
      {data.status === 'ready' ? (
        <>
          <dl className="counts">
            <div>
              <dt>{m.registered}</dt>
              <dd>{data.data.counts.registered}</dd>
            </div>
            <div>
              <dt>{m.attended}</dt>
              <dd>{data.data.counts.attended}</dd>
            </div>
            <div>
              <dt>{m.replayViews}</dt>
              <dd>{data.data.counts.replayViews ?? m.notCounted}</dd>
            </div>
          </dl>
          {data.data.byAttendance ? (
            <dl className="counts">
              <div>
                <dt>{m.registeredInPerson}</dt>
                <dd>{data.data.byAttendance.registered.in_person}</dd>
              </div>
              <div>
                <dt>{m.checkedIn}</dt>
                <dd>{data.data.byAttendance.attended.in_person}</dd>
              </div>
              <div>
                <dt>{m.registeredOnline}</dt>
                <dd>{data.data.byAttendance.registered.online}</dd>
              </div>
              <div>
                <dt>{m.attendedOnline}</dt>
                <dd>{data.data.byAttendance.attended.online}</dd>
              </div>
            </dl>
          ) : null}
          {data.data.counts.replayViews === null ? <p className="muted">{m.notCountedReason}</p> : null}
          <p>
            <a href={`/api/events/${encodeURIComponent(slug)}/attendance?format=csv&lang=${locale}`} download>
              {m.csv}
            </a>
          </p>
          {data.data.registrants.length === 0 ? (
            <p className="panel">{m.none}</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
            <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
              <table className="data-table">
                <caption id={captionId}>{m.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.name}</th>
                    <th scope="col">{m.wasThere}</th>
                    <th scope="col">{m.firstJoined}</th>
                    <th scope="col">{m.minutes}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.data.registrants.map((line) => (
                    <tr key={line.registrationId}>
                      <th scope="row">{line.name}</th>
                      <td>{line.attended ? m.yes : m.no}</td>
                      <td>
                        {line.firstJoinedAt ? (
                          <time dateTime={line.firstJoinedAt}>
                            {dateTime.format(new Date(line.firstJoinedAt))}
                          </time>
                        ) : null}
                      </td>
                      <td>{line.totalMinutes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      ) : null}
    </section>
  );
}
