import type { RecordingView } from '@folkemote/contract';
import { routePath, routes } from '../../app/routes.ts';
import { reviewMessages } from '../../i18n/review-messages.ts';
import { Link } from '../../shared/link.tsx';
import { useLocale } from '../../shared/use-locale.ts';

/** A recording's publication at a glance, and the way to its review page (preview, publish, rename, delete). */
export function ReviewLink({ recording }: { recording: RecordingView }) {
  const { locale, href } = useLocale();
  const r = reviewMessages[locale];
  return (
    <>
      <span className={`publication publication--${recording.publication}`}>
        {r.publication[recording.publication]}
      </span>
      <Link
        className="button button--secondary"
        to={href(routePath(routes.recordingReview, { id: recording.id }))}
      >
        {r.manage}
        <span className="visually-hidden"> – {recording.title}</span>
      </Link>
    </>
  );
}
