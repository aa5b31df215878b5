import type { RecordingView } from '@folkemote/contract';
import { isPlayable } from '@folkemote/domain';
import { useCallback, useEffect, useState } from 'react';
import { navigate } from '../../app/router/navigation.ts';
import { useLocation } from '../../app/router/use-location.ts';
import { matchRouteWithParams, routes } from '../../app/routes.ts';
import { reviewMessages } from '../../i18n/review-messages.ts';
import type { ApiError } from '../../shared/api-error.ts';
import { ConfirmDialog } from '../../shared/confirm-dialog.tsx';
import { describeApiError } from '../../shared/describe-api-error.ts';
import { Link } from '../../shared/link.tsx';
import { toApiError } from '../../shared/use-api-resource.ts';
import { useLocale, usePageTitle } from '../../shared/use-locale.ts';
import { ChaptersEditor } from './chapters-editor.tsx';
import { PreviewPlayer } from './preview-player.tsx';
import { RenameForm } from './rename-form.tsx';
import { deleteRecording, fetchRecording, publishRecording, unpublishRecording } from './review-api.ts';

type Outcome = { kind: 'done'; text: string } | { kind: 'error'; error: ApiError } | null;

/**
 * One recording as its organisers decide what the public site shows of it: which rule is in
 * force for its event, what is public now, a preview of the processed version (held or public),
 * and publish, unpublish, rename and delete (the last behind a confirmation).
 */
export function RecordingReviewPage() {
  const { t, locale, href } = useLocale();
  const r = reviewMessages[locale];
  const { pathname } = useLocation();
  const id = matchRouteWithParams(pathname).params.id ?? '';
  const [recording, setRecording] = useState<RecordingView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'publish' | 'unpublish' | 'delete' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirm, setConfirm] = useState<'unpublish' | 'delete' | null>(null);
  usePageTitle(t.layout.pageTitle(recording ? r.heading(recording.title) : t.recordings.title));

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setRecording(await fetchRecording(id, signal));
        setLoadError(null);
      } catch (error) {
        if (!signal?.aborted) setLoadError(toApiError(error));
      }
    },
    [id],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const run = async (kind: 'publish' | 'unpublish' | 'delete', action: () => Promise<void>, done: string) => {
    setBusy(kind);
    setOutcome(null);
    try {
      await action();
      if (kind === 'delete') {
        navigate(href(routes.recordings));
        return;
      }
      await load();
      setOutcome({ kind: 'done', text: done });
    } catch (error) {
      setOutcome({ kind: 'error', error: toApiError(error) });
    } finally {
      setBusy(null);
    }
  };

  const back = (
    <p>
      <Link to={href(routes.recordings)}>{r.back}</Link>
    </p>
  );
  if (!recording)
    return (
      <>
        {back}
        {loadError ? (
          <p className="inline-error" role="alert">
            {loadError.status === 404 ? r.notFound : describeApiError(loadError, t)}
          </p>
        ) : (
          <p className="muted" role="status">
            {t.recordings.loading}
          </p>
        )}
      </>
    );

  const processed = isPlayable(recording.state);
  const rule = recording.autoPublish === true ? r.ruleAuto : recording.event ? r.ruleHeld : r.ruleNoEvent;
  return (
    <div
      className="recording-review"
      data-recording-id={recording.id}
      data-publication={recording.publication}
    >
      {back}
      <h1 tabIndex={-1}>{r.heading(recording.title)}</h1>
      <dl className="facts">
        <div>
          <dt>{r.statusLabel}</dt>
          <dd data-testid="publication">{r.publication[recording.publication]}</dd>
        </div>
        <div>
          <dt>{r.ruleLabel}</dt>
          <dd data-testid="publication-rule">{rule}</dd>
        </div>
      </dl>
      <div role="status" aria-live="polite" className="review-outcome">
        {outcome?.kind === 'done' ? <p>{outcome.text}</p> : null}
      </div>
      {outcome?.kind === 'error' ? (
        <p className="inline-error" role="alert">
          {r.failed} {describeApiError(outcome.error, t)}
        </p>
      ) : null}
      <h2>{r.preview}</h2>
      {processed && recording.previewUrl ? (
        <PreviewPlayer
          src={recording.previewUrl}
          label={r.previewLabel(recording.title)}
          unavailable={r.previewUnavailable}
        />
      ) : (
        <p className="muted">{r.notProcessed}</p>
      )}
      <ReviewButtons
        recording={recording}
        busy={busy}
        onPublish={() => void run('publish', () => publishRecording(recording.id), r.published)}
        onAsk={setConfirm}
      />
      <RenameForm
        recording={recording}
        onRenamed={(title) => {
          void load();
          setOutcome({ kind: 'done', text: r.renamed(title) });
        }}
      />
      {processed ? <ChaptersEditor recordingId={recording.id} /> : null}
      <ReviewDialogs
        recording={recording}
        confirm={confirm}
        onClose={() => setConfirm(null)}
        onUnpublish={() => void run('unpublish', () => unpublishRecording(recording.id), r.unpublished)}
        onDelete={() => void run('delete', () => deleteRecording(recording.id), r.deleted(recording.title))}
      />
    </div>
  );
}

/** The questions asked before unpublishing and before deleting for good. */
function ReviewDialogs({
  recording,
  confirm,
  onClose,
  onUnpublish,
  onDelete,
}: {
  recording: RecordingView;
  confirm: 'unpublish' | 'delete' | null;
  onClose: () => void;
  onUnpublish: () => void;
  onDelete: () => void;
}) {
  const { locale } = useLocale();
  const r = reviewMessages[locale];
  return (
    <>
      <ConfirmDialog
        open={confirm === 'unpublish'}
        title={r.unpublishTitle}
        text={r.unpublishText}
        confirm={r.unpublish}
        keep={r.keep}
        onConfirm={onUnpublish}
        onClose={onClose}
      />
      <ConfirmDialog
        open={confirm === 'delete'}
        title={r.deleteTitle(recording.title)}
        text={r.deleteText}
        confirm={r.deleteConfirm}
        keep={r.keep}
        danger
        onConfirm={onDelete}
        onClose={onClose}
      />
    </>
  );
}

/** Publish (a processed recording not public), unpublish (a public one), delete (any). */
function ReviewButtons({
  recording,
  busy,
  onPublish,
  onAsk,
}: {
  recording: RecordingView;
  busy: 'publish' | 'unpublish' | 'delete' | null;
  onPublish: () => void;
  onAsk: (what: 'unpublish' | 'delete') => void;
}) {
  const { locale } = useLocale();
  const r = reviewMessages[locale];
  const processed = isPlayable(recording.state);
  return (
    <div className="actions">
      {processed && recording.publication !== 'public' ? (
        <button
          type="button"
          className="button"
          aria-disabled={busy !== null || undefined}
          onClick={() => {
            if (!busy) onPublish();
          }}
        >
          {busy === 'publish' ? r.publishing : r.publish}
        </button>
      ) : null}
      {recording.publication === 'public' ? (
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={busy !== null || undefined}
          onClick={() => {
            if (!busy) onAsk('unpublish');
          }}
        >
          {busy === 'unpublish' ? r.unpublishing : r.unpublish}
        </button>
      ) : null}
      <button
        type="button"
        className="button button--danger"
        aria-disabled={busy !== null || undefined}
        onClick={() => {
          if (!busy) onAsk('delete');
        }}
      >
        {busy === 'delete' ? r.deleting : r.delete}
      </button>
    </div>
  );
}
