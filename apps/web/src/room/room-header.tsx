import type { PublicEventPage } from '@folkemote/domain';
import { useLocale } from '../shared/use-locale.ts';
import { RecordingIndicator } from './recording-indicator.tsx';
import type { RoomView } from './room-api.ts';

/** One line above the stage: the event's title, the room's status, who you are, and whether it is recorded. */
export function RoomHeader({ view, event }: { view: RoomView; event: PublicEventPage | null }) {
  const { t } = useLocale();
  const { status, me } = view;
  return (
    <div className="room-header">
      <div className="room-header__titles">
        <h1 tabIndex={-1} lang={event?.language} className="room-header__title">
          {event?.title ?? t.room.access.heading}
        </h1>
        <p className="room-header__meta">
          <span className={`room-status room-status--${status}`}>
            <span className="visually-hidden">{t.room.statusLabel}: </span>
            {t.room.status[status]}
          </span>{' '}
          <span>{t.room.you(me.displayName, t.room.roles[me.role])}</span>
        </p>
      </div>
      {/* After the end the recorder only finishes its file: nobody is being recorded any more. */}
      <RecordingIndicator
        recording={status === 'ended' ? { ...view.recording, active: false } : view.recording}
      />
    </div>
  );
}
