import { useFocusAfterRetry } from '../shared/use-focus-after-retry.ts';
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

/** One recording as a table row, for wide screens. */
export function RecordingRow(props: RecordingItemProps) {
  const { recording } = props;
  const title = useFocusAfterRetry<HTMLTableCellElement>(recording.state);
  return (
    <tr data-recording-id={recording.id} data-state={recording.state}>
      <th scope="row" ref={title} tabIndex={-1}>
        {recording.title}
      </th>
      <td>
        <RecordingEvent recording={recording} />
      </td>
      <td>
        <RecordingStatus recording={recording} />
      </td>
      <td>
        <RecordingProgress recording={recording} />
      </td>
      <td className="cell-nowrap">
        <RecordingDuration recording={recording} />
      </td>
      <td>
        <RecordingActions {...props} />
        <RecordingCaptions recording={recording} />
        <DraftCaptions recording={recording} />
      </td>
    </tr>
  );
}
