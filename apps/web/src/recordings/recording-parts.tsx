import type { RecordingView } from '@folkemote/contract';
import type { RecordingFailure } from '@folkemote/domain';
import { routePath, routes } from '../app/routes.ts';
import { failureMessages } from '../i18n/failure-messages.ts';
import { trimMessages } from '../i18n/trim-messages.ts';
import type { ApiError } from '../shared/api-error.ts';
import { describeApiError } from '../shared/describe-api-error.ts';
import { formatDuration, toIsoDuration } from '../shared/format-duration.ts';
import { Link } from '../shared/link.tsx';
import { safeHref } from '../shared/safe-href.ts';
import { useLocale } from '../shared/use-locale.ts';
import { describeProgress } from './describe-progress.ts';
import { ProgressBar } from './progress-bar.tsx';
import { ReviewLink } from './review/review-link.tsx';
import { StateBadge } from './state-badge.tsx';
import type { RecordingsState } from './use-recordings.ts';

/** What a recording row or card needs besides the recording itself. */
export interface RecordingItemProps {
  recording: RecordingView;
  retrying: boolean;
  retryError: ApiError | null;
  onRetry: (id: string) => void;
}

/** What the table and the card list both take. */
export interface RecordingListProps {
  recordings: RecordingView[];
  retrying: RecordingsState['retrying'];
  retryError: RecordingsState['retryError'];
  onRetry: (id: string) => void;
}

/** The props of one recording's row or card, picked out of the list's. */
export function recordingItemProps(
  recording: RecordingView,
  { retrying, retryError, onRetry }: RecordingListProps,
): RecordingItemProps {
  return {
    recording,
    retrying: retrying.has(recording.id),
    retryError: retryError?.id === recording.id ? retryError.error : null,
    onRetry,
  };
}

export function RecordingEvent({ recording }: { recording: RecordingView }) {
  const { t } = useLocale();
  return recording.event ? recording.event.title : <span className="muted">{t.recordings.noEvent}</span>;
}

export function RecordingStatus({ recording }: { recording: RecordingView }) {
  return (
    <>
      <StateBadge state={recording.state} />
      {recording.state === 'failed' && recording.failureReason ? (
        <FailureReason failure={recording.failure} reason={recording.failureReason} />
      ) : null}
    </>
  );
}

export function RecordingProgress({ recording }: { recording: RecordingView }) {
  const { t, locale } = useLocale();
  const progress = describeProgress(recording, t, locale);
  if (!progress) return null;
  if (progress.waiting) return <p className="progress__text progress__text--waiting">{progress.text}</p>;
  return <ProgressBar label={t.recordings.progressLabel(recording.title)} progress={progress} />;
}

export function RecordingDuration({ recording }: { recording: RecordingView }) {
  const { t } = useLocale();
  const seconds = recording.durationSeconds;
  if (seconds === null) return <span className="muted">{t.duration.unknown}</span>;
  return <time dateTime={toIsoDuration(seconds)}>{formatDuration(seconds, t)}</time>;
}

export function RecordingActions({ recording, retrying, retryError, onRetry }: RecordingItemProps) {
  const { t, locale, href } = useLocale();
  const { id, title, state } = recording;
  // The API sets replayUrl only once something is playable (see RecordingView).
  const replay = safeHref(recording.replayUrl);
  return (
    <div className="actions">
      {replay ? (
        <a className="button button--link" href={replay}>
          {t.recordings.watch}
          <span className="visually-hidden"> – {title}</span>
        </a>
      ) : null}
      <ReviewLink recording={recording} />
      {state === 'published' ? (
        <Link className="button button--link" to={href(routePath(routes.recordingTrim, { id }))}>
          {trimMessages[locale].open}
          <span className="visually-hidden"> – {title}</span>
        </Link>
      ) : null}
      {state === 'failed' || recording.stalled ? (
        <button
          type="button"
          className="button"
          aria-disabled={retrying || undefined}
          onClick={() => {
            if (!retrying) onRetry(id);
          }}
        >
          {retrying ? t.recordings.retrying : t.recordings.retry}
          <span className="visually-hidden"> – {title}</span>
        </button>
      ) : null}
      {retryError ? (
        <p className="inline-error" role="alert">
          {t.recordings.retryFailed} {describeApiError(retryError, t)}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Why a recording failed, in the organiser's language when the API names the code; the stored
 * sentence (English, for support) follows as the technical detail.
 */
function FailureReason({
  failure,
  reason,
}: {
  failure: RecordingFailure | null | undefined;
  reason: string;
}) {
  const { t, locale } = useLocale();
  const known = failure && failure.code !== 'other' ? failure : null;
  return (
    <div className="failure-reason">
      <p>
        <span className="failure-reason__label">{t.recordings.reason}</span>{' '}
        {known ? failureMessages[locale](known) : reason}
      </p>
      {known ? (
        <details className="failure-reason__detail">
          <summary>{t.recordings.technicalDetail}</summary>
          <p lang="en">{reason}</p>
        </details>
      ) : null}
    </div>
  );
}
