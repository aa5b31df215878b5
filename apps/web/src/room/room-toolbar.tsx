import type { ReactNode } from 'react';
import { useLocale } from '../shared/use-locale.ts';

/**
 * The one row of controls under the stage: microphone, camera and screen for people on stage,
 * the hand for the audience, and the choice of devices.
 */
export function RoomToolbar({ children }: { children: ReactNode }) {
  const { t } = useLocale();
  return (
    <section className="room-toolbar" aria-labelledby="controls-heading">
      <h2 id="controls-heading" className="visually-hidden">
        {t.room.controls.heading}
      </h2>
      <div className="room-toolbar__row">{children}</div>
    </section>
  );
}

/** Opens and closes the camera and microphone choice under the toolbar. */
export function DevicesToggle({
  open,
  controls,
  onToggle,
}: {
  open: boolean;
  controls: string;
  onToggle: () => void;
}) {
  const { t } = useLocale();
  return (
    <button
      type="button"
      className="button button--secondary room-toolbar__devices"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" className="toggle__icon">
        <path
          d="M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM6.8 1.5h2.4l.4 1.7 1.3.6 1.5-.9 1.7 1.7-.9 1.5.6 1.3 1.7.4v2.4l-1.7.4-.6 1.3.9 1.5-1.7 1.7-1.5-.9-1.3.6-.4 1.7H6.8l-.4-1.7-1.3-.6-1.5.9-1.7-1.7.9-1.5-.6-1.3-1.7-.4V6.8l1.7-.4.6-1.3-.9-1.5 1.7-1.7 1.5.9 1.3-.6z"
          fill="none"
        />
      </svg>
      <span className="room-toolbar__devices-label">{t.room.controls.devices}</span>
    </button>
  );
}
