import { useLocale } from '../shared/use-locale.ts';
import { type RecordingListProps, recordingItemProps } from './recording-parts.tsx';
import { RecordingRow } from './recording-row.tsx';

/** The recordings as a table, for wide screens. */
export function RecordingTable(props: RecordingListProps) {
  const { t } = useLocale();
  const columns = t.recordings.columns;
  return (
    <table className="recordings">
      <caption className="visually-hidden">{t.recordings.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-title">
            {columns.title}
          </th>
          <th scope="col" className="col-event">
            {columns.event}
          </th>
          <th scope="col" className="col-state">
            {columns.state}
          </th>
          <th scope="col" className="col-progress">
            {columns.progress}
          </th>
          <th scope="col" className="col-duration">
            {columns.duration}
          </th>
          <th scope="col" className="col-action">
            {columns.action}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.recordings.map((recording) => (
          <RecordingRow key={recording.id} {...recordingItemProps(recording, props)} />
        ))}
      </tbody>
    </table>
  );
}
