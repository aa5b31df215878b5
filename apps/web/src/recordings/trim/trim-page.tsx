import type { RecordingTrimView } from '@folkemote/contract';
import type { TimeRange } from '@folkemote/domain';
import { useCallback, useEffect, useState } from 'react';
import { useLocation } from '../../app/router/use-location.ts';
import { matchRouteWithParams, routes } from '../../app/routes.ts';
import { trimMessages } from '../../i18n/trim-messages.ts';
import { ErrorNotice } from '../../shared/error-notice.tsx';
import { Link } from '../../shared/link.tsx';
import { useApiResource } from '../../shared/use-api-resource.ts';
import { useLocale, usePageTitle } from '../../shared/use-locale.ts';
import { fetchTrim } from './trim-api.ts';
import { TrimEditor } from './trim-editor.tsx';

const sameCuts = (a: readonly TimeRange[], b: readonly TimeRange[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Polls the trim until the version asked for is public, then says so and loads it. */
function useTrimWait(recordingId: string, onDone: (failed: boolean) => void) {
  const [waitingFor, setWaitingFor] = useState<TimeRange[] | null>(null);
  useEffect(() => {
    if (!waitingFor) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      fetchTrim(recordingId, controller.signal).then(
        (view: RecordingTrimView) => {
          if (
            view.state === 'failed' ||
            (view.state === 'published' && sameCuts(view.appliedCuts, waitingFor))
          ) {
            setWaitingFor(null);
            onDone(view.state === 'failed');
          }
        },
        () => {},
      );
    }, 1500);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [recordingId, waitingFor, onDone]);
  return { waiting: waitingFor !== null, waitFor: setWaitingFor };
}

/** The trim editor of one recording: `/organiser/recordings/:id/trim`. */
export function TrimPage() {
  const { pathname } = useLocation();
  const id = matchRouteWithParams(pathname).params.id ?? '';
  const { locale, t, href } = useLocale();
  const m = trimMessages[locale];
  const [generation, setGeneration] = useState(0);
  const [done, setDone] = useState<'published' | 'failed' | null>(null);
  const load = useCallback((signal: AbortSignal) => fetchTrim(id, signal), [id, generation]);
  const data = useApiResource(load);
  const reload = useCallback((failed: boolean) => {
    setDone(failed ? 'failed' : 'published');
    setGeneration((g) => g + 1);
  }, []);
  const wait = useTrimWait(id, reload);
  const title = data.status === 'ready' ? data.data.title : '';
  usePageTitle(t.layout.pageTitle(m.title(title)));

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{m.title(title)}</h1>
        <p>
          <Link to={href(routes.recordings)}>{m.back}</Link>
        </p>
        <p className="lead">{m.intro}</p>
      </div>
      <p role="status" className="trim-status">
        {wait.waiting ? m.working : done === 'published' ? m.done : done === 'failed' ? m.versionFailed : ''}
      </p>
      {data.status === 'loading' ? <p className="muted">{m.loading}</p> : null}
      {data.status === 'error' ? (
        data.error.status === 404 ? (
          <p className="panel">{t.organiser.notFound}</p>
        ) : (
          <ErrorNotice error={data.error} />
        )
      ) : null}
      {data.status === 'ready' ? (
        <TrimEditor
          key={`${data.data.previewUrl}-${generation}`}
          view={data.data}
          busy={wait.waiting}
          onRequested={(cuts) => {
            setDone(null);
            wait.waitFor(cuts);
          }}
        />
      ) : null}
    </>
  );
}
