import { type RefObject, useEffect, useState } from 'react';
import { useLocale } from '../shared/use-locale.ts';

/**
 * Shows the stage (with its toolbar, this button included) on the whole screen and back, for a
 * shared screen's small print or a phone turned sideways. Absent where the browser has no
 * full-screen mode (an iPhone, an iframe without permission).
 */
export function FullscreenToggle({ target }: { target: RefObject<HTMLElement | null> }) {
  const { t } = useLocale();
  const [on, setOn] = useState(false);
  useEffect(() => {
    const follow = () =>
      setOn(document.fullscreenElement !== null && document.fullscreenElement === target.current);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, [target]);
  if (!document.fullscreenEnabled) return null;
  const toggle = () => {
    if (on) void document.exitFullscreen().catch(() => {});
    else void target.current?.requestFullscreen().catch(() => {});
  };
  return (
    <button type="button" className="button button--secondary" aria-pressed={on} onClick={toggle}>
      <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" className="toggle__icon">
        <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" fill="none" />
      </svg>
      {t.room.controls.fullscreen}
    </button>
  );
}
