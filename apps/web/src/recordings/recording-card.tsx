import { useFocusAfterRetry } from '../shared/use-focus-after-retry.ts';
import { useLocale } from '../shared/use-locale.ts';
import { DraftCaptions } from './asr/draft-captions.tsx';
import { RecordingCaptions } from './recording-captions.tsx';
import {
  RecordingActions,
  RecordingDuration,
  RecordingEvent,
  type RecordingItemProps,
  RecordingProgress,
  RecordingStatus,
} from './recording-parts.tsx';

/** One recording as a card, for narrow screens and large zoom, where a table would scroll sideways. */
export function RecordingCard(props: RecordingItemProps) {
  const { recording } = props;
  const { t } = useLocale();
  const title = useFocusAfterRetry<HTMLHeadingElement>(recording.state);
  const headingId = `recording-${recording.id}`;
  return (
    <article
      className="recording-card"
      aria-labelledby={headingId}
      data-recording-id={recording.id}
      data-state={recording.state}
    >
      <h2 id={headingId} ref={title} tabIndex={-1}>
        {recording.title}
      </h2>
      <RecordingStatus recording={recording} />
      <RecordingProgress recording={recording} />
      <dl className="facts">
        <div>
          <dt>{t.recordings.columns.event}</dt>
          <dd>
            <RecordingEvent recording={recording} />
          </dd>
        </div>
        <div>
          <dt>{t.recordings.columns.duration}</dt>
          <dd>
            <RecordingDuration recording={recording} />
          </dd>
        </div>
      </dl>
      <RecordingActions {...props} />
      <RecordingCaptions recording={recording} />
      <DraftCaptions recording={recording} />
    </article>
  );
}
