import { useCallback, useId } from 'react';
import { routePath, routes } from '../app/routes.ts';
import { QuestionsLinks } from '../questions/questions-links.tsx';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { osloMomentFormat } from '../shared/format-date.ts';
import { Link } from '../shared/link.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { useReloadable } from '../shared/use-reloadable.ts';
import { StaffLinks } from '../staff/staff-links.tsx';
import { fetchLiveRecordingFailures, fetchRoomView } from './room-api.ts';
import './organiser-room-panel.css';

const SESSION = { kind: 'session' } as const;

/**
 * The live room on the event's editor: the way in for the organiser (as host), the room's state
 * and recording, the room recordings that failed with LiveKit's reason, and the links for the
 * people who run the webinar.
 */
export function OrganiserRoomPanel({ slug }: { slug: string }) {
  const { t, href, locale } = useLocale();
  const o = t.room.organiserRoom;
  const id = useId();
  const fetchPanel = useCallback(
    async (signal?: AbortSignal) => {
      const [room, failed] = await Promise.all([
        fetchRoomView(slug, { kind: 'session' }, signal),
        fetchLiveRecordingFailures(signal),
      ]);
      return { room, failures: failed.filter((f) => f.event.slug === slug) };
    },
    [slug],
  );
  const { data, error, reload: load } = useReloadable(fetchPanel);
  const view = data?.room ?? null;
  const failures = data?.failures ?? [];

  const dateTime = osloMomentFormat(locale, 'short', 'short');
  return (
    <section className="section live-room-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{o.heading}</h2>
      <p>
        <Link className="button" to={href(routePath(routes.eventRoom, { slug }))}>
          {o.open}
        </Link>
      </p>
      <p className="muted">{o.openHint}</p>
      <QuestionsLinks slug={slug} eventRole="host" auth={SESSION} />
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {view ? (
        <dl className="facts">
          <div>
            <dt>{o.status}</dt>
            <dd>{t.room.status[view.status]}</dd>
          </div>
          <div>
            <dt>{o.recording}</dt>
            <dd>{view.recording.active ? o.recordingActive : o.recordingIdle}</dd>
          </div>
        </dl>
      ) : null}
      {failures.length > 0 ? (
        <div className="notice notice--error recording-failures">
          <h3 id={`${id}-failures`}>{o.failuresHeading}</h3>
          <ul aria-labelledby={`${id}-failures`}>
            {failures.map((f, i) => (
              <li key={f.egressId ?? i}>
                <strong>{o.failureStatus[f.status]}</strong>
                {f.startedAt ? ` (${o.failedAt(dateTime.format(new Date(f.startedAt)))})` : ''}:{' '}
                {f.error ?? o.noReason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        <button type="button" className="button button--secondary" onClick={() => void load()}>
          {o.refresh}
        </button>
      </p>
      <StaffLinks slug={slug} />
    </section>
  );
}
