import { useRef } from 'react';
import { osloMomentFormat } from '../shared/format-date.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { RoomView } from './room-api.ts';

/**
 * Tells everyone that the room is being recorded: a red dot and words (never colour alone),
 * inside a polite live region that is there from the start, so screen readers hear it begin
 * and stop.
 */
export function RecordingIndicator({ recording }: { recording: RoomView['recording'] }) {
  const { t, locale } = useLocale();
  const seenActive = useRef(false);
  if (recording.active) seenActive.current = true;
  const r = t.room.recording;
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="recording-status">
      {recording.active ? (
        <p className="recording-badge">
          <svg
            className="recording-badge__icon"
            viewBox="0 0 16 16"
            width="16"
            height="16"
            aria-hidden="true"
          >
            <circle cx="8" cy="8" r="6" />
          </svg>
          <span>{r.active}</span>
          {recording.startedAt ? (
            <span className="recording-badge__since">
              {r.since(osloMomentFormat(locale, null, 'short').format(new Date(recording.startedAt)))}
            </span>
          ) : null}
        </p>
      ) : seenActive.current ? (
        <p className="visually-hidden">{r.stopped}</p>
      ) : null}
    </div>
  );
}
