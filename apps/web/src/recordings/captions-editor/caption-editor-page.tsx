import type { CaptionCuesView, RecordingView } from '@folkemote/contract';
import { type CaptionKind, type CaptionLanguage, captionLanguages } from '@folkemote/domain';
import { useCallback } from 'react';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import { useLocation } from '../../app/router/use-location.ts';
import { matchRouteWithParams, routes } from '../../app/routes.ts';
import { captionMessages } from '../../i18n/caption-messages.ts';
import { captionsEditorMessages } from '../../i18n/captions-editor-messages.ts';
import { ErrorNotice } from '../../shared/error-notice.tsx';
import { Link } from '../../shared/link.tsx';
import { useApiResource } from '../../shared/use-api-resource.ts';
import { useLocale, usePageTitle } from '../../shared/use-locale.ts';
import { CaptionEditor } from './caption-editor.tsx';
import { fetchCues, fetchRecording } from './caption-editor-api.ts';
import '../../shared/organiser.css';
import './caption-editor.css';

/** /organiser/recordings/:id/captions/:language and …/descriptions/:language. */
export function CaptionEditorPage() {
  const { pathname } = useLocation();
  const match = matchRouteWithParams(pathname);
  const kind: CaptionKind = match.name === 'descriptionEditor' ? 'descriptions' : 'captions';
  const id = match.params.id ?? '';
  const language = match.params.language ?? '';
  // An address with a language we do not caption in is a page that does not exist.
  if (!(captionLanguages as readonly string[]).includes(language)) return <NotFoundPage />;
  return (
    <EditorLoader
      key={`${id}/${kind}/${language}`}
      id={id}
      kind={kind}
      language={language as CaptionLanguage}
    />
  );
}

function EditorLoader({ id, kind, language }: { id: string; kind: CaptionKind; language: CaptionLanguage }) {
  const { t, locale, href } = useLocale();
  const m = captionsEditorMessages[locale];
  const languageName = captionMessages[locale].languages[language];
  const load = useCallback(
    async (signal: AbortSignal): Promise<{ recording: RecordingView; track: CaptionCuesView | null }> => {
      const [recording, track] = await Promise.all([
        fetchRecording(id, signal),
        fetchCues(id, language, kind, signal),
      ]);
      return { recording, track };
    },
    [id, language, kind],
  );
  const data = useApiResource(load);
  const title = m.title(kind, languageName, data.status === 'ready' ? data.data.recording.title : '');
  usePageTitle(t.layout.pageTitle(title));
  return (
    <>
      <p>
        <Link to={href(routes.recordings)}>{m.back}</Link>
      </p>
      <div className="page-intro">
        <h1 tabIndex={-1}>{title}</h1>
        <p className="lead">{m.intro(kind)}</p>
      </div>
      {data.status === 'loading' ? (
        <p className="muted" role="status">
          {m.loading}
        </p>
      ) : null}
      {data.status === 'error' ? <ErrorNotice error={data.error} /> : null}
      {data.status === 'ready' ? (
        <CaptionEditor
          recording={data.data.recording}
          kind={kind}
          language={language}
          initialCues={data.data.track?.cues ?? []}
          initialStatus={data.data.track?.status ?? null}
        />
      ) : null}
    </>
  );
}
