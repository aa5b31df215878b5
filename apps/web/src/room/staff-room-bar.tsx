import type { RoomView } from '@folkemote/contract';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../shared/use-locale.ts';
import { type HandAlert, newlyRaisedHands } from './hand-alerts.ts';
import type { EventAuth } from './room-api.ts';
import { useAudienceCount } from './use-audience-count.ts';

/**
 * For hosts, presenters and moderators, above the stage: how many attendees are
 * watching, and an alert when a hand goes up — shown until dismissed or the hand
 * is dealt with, and announced in a live region present from the first render.
 */
export function StaffRoomBar({ slug, auth, view }: { slug: string; auth: EventAuth; view: RoomView }) {
  const { t } = useLocale();
  const s = t.room.side;
  const watching = useAudienceCount(slug, auth, true);
  const seen = useRef<readonly HandAlert[] | null>(null);
  const [alerts, setAlerts] = useState<HandAlert[]>([]);

  useEffect(() => {
    const raised = newlyRaisedHands(seen.current, view.hands);
    seen.current = view.hands;
    const up = new Set(view.hands.map((h) => `${h.identity}@${h.raisedAt}`));
    setAlerts((current) => [...current.filter((a) => up.has(`${a.identity}@${a.raisedAt}`)), ...raised]);
  }, [view.hands]);

  const latest = alerts.at(-1);
  return (
    <div className="staff-bar">
      <p className="staff-bar__watching" data-testid="watching">
        {watching === null ? '' : s.watching(watching)}
      </p>
      <div role="status" aria-live="assertive" aria-atomic="true" className="staff-bar__alerts">
        {latest ? (
          <p className="staff-bar__alert" data-testid="hand-alert">
            {s.handRaisedBy(latest.displayName)}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setAlerts([])}
            >
              {s.dismissAlert}
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}
