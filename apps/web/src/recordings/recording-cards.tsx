import { useLocale } from '../shared/use-locale.ts';
import { RecordingCard } from './recording-card.tsx';
import { type RecordingListProps, recordingItemProps } from './recording-parts.tsx';

/** The recordings as a list of cards, for narrow screens and large zoom. */
export function RecordingCards(props: RecordingListProps) {
  const { t } = useLocale();
  return (
    <ul className="recording-cards" aria-label={t.recordings.caption}>
      {props.recordings.map((recording) => (
        <li key={recording.id}>
          <RecordingCard {...recordingItemProps(recording, props)} />
        </li>
      ))}
    </ul>
  );
}
