import type { Locale } from '@folkemote/domain';
import type { UploadMessages } from '../../i18n/upload-messages.ts';
import { formatPercent } from '../../shared/format-percent.ts';
import { formatEta, formatMegabytes } from './format-upload.ts';
import type { UploadSnapshot } from './multipart-uploader.ts';

/**
 * The upload's bar with its figures in words (percent, megabytes, speed and time left), given
 * also as aria-valuetext; pause, resume and cancel beside it.
 */
export function UploadProgress({
  m,
  locale,
  fileName,
  snapshot,
  onPause,
  onResume,
  onCancel,
}: {
  m: UploadMessages;
  locale: Locale;
  fileName: string;
  snapshot: UploadSnapshot;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}) {
  const { bytesDone, totalBytes, bytesPerSecond, status } = snapshot;
  const percent = totalBytes > 0 ? (bytesDone / totalBytes) * 100 : 0;
  const text = m.progressText(
    formatPercent(Math.floor(percent), locale).replace(/\s?%$/, ''),
    formatMegabytes(bytesDone, locale),
    formatMegabytes(totalBytes, locale),
  );
  const speed =
    status === 'running' && bytesPerSecond
      ? m.speed(formatMegabytes(bytesPerSecond, locale), formatEta(totalBytes - bytesDone, bytesPerSecond, m))
      : null;
  const busy = status === 'completing' || status === 'done';
  return (
    <div className="upload-progress">
      <div className="progress">
        <div
          className="progress__track"
          role="progressbar"
          aria-label={m.progressLabel(fileName)}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.floor(percent)}
          aria-valuetext={speed ? `${text} – ${speed}` : text}
        >
          <div className="progress__fill" style={{ width: `${percent}%` }} />
        </div>
        <p className="progress__text">{text}</p>
        {speed ? <p className="progress__text muted">{speed}</p> : null}
      </div>
      {busy ? null : (
        <div className="button-row">
          {status === 'paused' || status === 'failed' ? (
            <button type="button" className="button" onClick={onResume}>
              {m.resume}
            </button>
          ) : (
            <button type="button" className="button button--secondary" onClick={onPause}>
              {m.pause}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {m.cancel}
          </button>
        </div>
      )}
    </div>
  );
}
