import type { CaptionDraftStatus, RecordingView } from '@folkemote/contract';
import { useEffect, useState } from 'react';
import { type AsrMessages, asrMessages } from '../../i18n/asr-messages.ts';
import type { ApiError } from '../../shared/api-error.ts';
import { describeApiError } from '../../shared/describe-api-error.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { ProgressBar } from '../progress-bar.tsx';
import { fetchCaptionDraft, requestCaptionDraft } from './caption-draft-api.ts';

const POLL_MS = 2000;
const working = (s: CaptionDraftStatus | null) =>
  s?.draft?.state === 'queued' || s?.draft?.state === 'running';

/** The API's refusal in the organiser's language, where we know it. */
function refusalText(error: ApiError, a: AsrMessages): string | null {
  if (error.code === 'captions_language_unsupported') return a.asrLanguageUnsupported;
  if (error.code === 'recording_not_processed') return a.asrNotProcessed;
  if (error.code === 'captions_engine_not_configured') return a.asrNoEngine;
  return null;
}

/** Why a draft failed: said in the organiser's language where we know it, otherwise as the API gives it (English). */
function FailureText({ failure, a }: { failure: string; a: AsrMessages }) {
  if (/English model only/.test(failure)) return <>{a.asrLanguageUnsupported}</>;
  return <span lang="en">{failure}</span>;
}

/**
 * "Make draft captions" for a processed recording, when the installation has a speech engine: the
 * draft's progress while the engine listens, and that the draft stays private until approved.
 */
export function DraftCaptions({ recording }: { recording: Pick<RecordingView, 'id' | 'title' | 'state'> }) {
  const { t, locale } = useLocale();
  const a = asrMessages[locale];
  const [status, setStatus] = useState<CaptionDraftStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const published = recording.state === 'published';

  const loaded = status !== null;
  const isWorking = working(status);
  useEffect(() => {
    // Loaded once, then again every two seconds while the engine listens.
    if (!published || (loaded && !isWorking)) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await fetchCaptionDraft(recording.id, abort.signal);
        setStatus(next);
        if (working(next)) timer = setTimeout(load, POLL_MS);
      } catch {
        // Shown again on the next poll or request; the rest of the page does not depend on it.
      }
    };
    timer = setTimeout(load, loaded ? POLL_MS : 0);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [recording.id, published, loaded, isWorking]);

  if (!published || !status || status.engine === 'none') return null;
  const draft = status.draft;
  const ask = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setStatus(await requestCaptionDraft(recording.id));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="asr-draft">
      {working(status) && draft ? (
        <ProgressBar
          label={a.asrProgressLabel(recording.title)}
          progress={{
            value: draft.state === 'queued' ? null : draft.percent,
            text: draft.state === 'queued' ? a.asrQueued : a.asrRunning(Math.round(draft.percent)),
            stalled: false,
            waiting: draft.state === 'queued',
          }}
        />
      ) : (
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={busy || undefined}
          onClick={() => void ask()}
        >
          {busy ? a.asrStarting : draft ? a.asrMakeAgain : a.asrMake}
        </button>
      )}
      <div role="status" aria-live="polite">
        {draft?.state === 'done' ? (
          <p>
            {a.asrDone(draft.cueCount ?? 0)} {a.asrPrivate}
          </p>
        ) : null}
        {draft?.state === 'failed' && draft.failure ? (
          <p className="inline-error">
            {a.asrFailed} <FailureText failure={draft.failure} a={a} />
          </p>
        ) : null}
      </div>
      {error ? (
        <p className="inline-error" role="alert">
          {a.asrFailed} {refusalText(error, a) ?? describeApiError(error, t)}
        </p>
      ) : null}
    </div>
  );
}
