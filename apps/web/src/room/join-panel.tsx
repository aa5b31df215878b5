import type { EventRole } from '@folkemote/domain';
import { useLocale } from '../shared/use-locale.ts';
import type { RoomStatus } from './room-api.ts';

/**
 * The door into the room. Attendees are told here, before they join, whether the webinar is
 * recorded; the click also lets the browser play the sound.
 */
export function JoinPanel({
  role,
  status,
  recorded,
  joining,
  onJoin,
}: {
  role: EventRole;
  status: RoomStatus;
  recorded: boolean;
  joining: boolean;
  onJoin: () => void;
}) {
  const { t } = useLocale();
  const j = t.room.join;
  const backstage = status === 'backstage';
  return (
    <section className="panel join-panel" aria-labelledby="join-heading">
      <h2 id="join-heading">{backstage ? j.backstageHeading : j.liveHeading}</h2>
      <p>{role === 'attendee' ? j.attendeeText : backstage ? j.staffText : j.staffLiveText}</p>
      {recorded ? (
        <div className="notice">
          <p>{t.room.recording.notice}</p>
        </div>
      ) : null}
      <button
        type="button"
        className="button"
        onClick={() => {
          if (!joining) onJoin();
        }}
        aria-disabled={joining || undefined}
      >
        {joining ? j.joining : backstage ? j.enterBackstage : j.join}
      </button>
    </section>
  );
}
