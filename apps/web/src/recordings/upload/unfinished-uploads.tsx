import type { RecordingUploadView } from '@folkemote/contract';
import type { Locale } from '@folkemote/domain';
import type { UploadMessages } from '../../i18n/upload-messages.ts';
import { osloMomentFormat } from '../../shared/format-date.ts';
import { formatMegabytes } from './format-upload.ts';

/** Uploads left open (a reload, a closed tab): picking the same file again resumes one. */
export function UnfinishedUploads({
  m,
  locale,
  uploads,
  onDiscard,
}: {
  m: UploadMessages;
  locale: Locale;
  uploads: RecordingUploadView[];
  onDiscard: (upload: RecordingUploadView) => void;
}) {
  if (uploads.length === 0) return null;
  const when = osloMomentFormat(locale, 'short', 'short');
  return (
    <div className="unfinished-uploads">
      <h3>{m.unfinishedHeading}</h3>
      <p className="field__hint">{m.unfinishedHint}</p>
      <ul>
        {uploads.map((u) => (
          <li key={u.id}>
            {m.unfinishedItem(
              u.fileName,
              formatMegabytes(u.fileSize, locale),
              when.format(new Date(u.createdAt)),
            )}{' '}
            <button type="button" className="button button--secondary" onClick={() => onDiscard(u)}>
              {m.discard(u.fileName)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
