import { useEffect } from 'react';
import { navigate } from '../app/router/navigation.ts';
import { routes } from '../app/routes.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { formatClockTime } from '../shared/format-date.ts';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { useMediaQuery } from '../shared/use-media-query.ts';
import { RecordingCards } from './recording-cards.tsx';
import { RecordingTable } from './recording-table.tsx';
import { StateAnnouncer } from './state-announcer.tsx';
import { UploadPanel } from './upload/upload-panel.tsx';
import { useRecordings } from './use-recordings.ts';
import { useStateChanges } from './use-state-changes.ts';

export function RecordingsPage() {
  const { t, locale, href } = useLocale();
  const { recordings, error, updatedAt, retrying, retryError, retry, refresh } = useRecordings();
  // The list is the organisation's, so it ends with the session: sign in again, then come back.
  const signedOut = error?.status === 401;
  useEffect(() => {
    if (signedOut)
      navigate(href(`${routes.signIn}?next=${encodeURIComponent(routes.recordings)}`), { replace: true });
  }, [signedOut, href]);
  const changes = useStateChanges(recordings);
  // Below this width (in em, so it follows zoom and font size) a table would scroll sideways.
  const wide = useMediaQuery('(min-width: 62em)');
  const List = wide ? RecordingTable : RecordingCards;
  usePageTitle(t.layout.pageTitle(t.recordings.title));

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{t.recordings.title}</h1>
        <p className="lead">{t.recordings.intro}</p>
      </div>

      <UploadPanel onUploaded={refresh} />

      <StateAnnouncer changes={changes} />
      {error ? <ErrorNotice error={error} stale={recordings !== null} retrying onRetry={refresh} /> : null}

      {recordings === null && !error ? (
        <p className="muted" role="status">
          {t.recordings.loading}
        </p>
      ) : null}
      {recordings && recordings.length === 0 ? <p className="panel">{t.recordings.empty}</p> : null}
      {recordings && recordings.length > 0 ? (
        <List
          recordings={recordings}
          retrying={retrying}
          retryError={retryError}
          onRetry={(id) => void retry(id)}
        />
      ) : null}
      {updatedAt ? (
        <p className="updated-at muted">{t.recordings.lastUpdated(formatClockTime(updatedAt, locale))}</p>
      ) : null}
    </>
  );
}
