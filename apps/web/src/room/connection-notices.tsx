import { useConnectionQualityIndicator, useConnectionState, useRoomContext } from '@livekit/components-react';
import { ConnectionQuality, ConnectionState } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import type { RoomMessages } from '../i18n/room-messages.ts';
import { useLocale } from '../shared/use-locale.ts';
import { canRejoinAfter, type MediaLoss } from './media-loss.ts';

/**
 * Over the top of the stage: connecting, reconnecting and weak-connection notices in a polite
 * live region, and when the connection is lost, what happened and what to do, in plain words.
 * Staff also read the technical detail.
 */
export function ConnectionNotices({
  loss,
  rejoining,
  staff,
  onRejoin,
}: {
  loss: MediaLoss | null;
  /** Connecting again after a drop: said as reconnecting, not as lost. */
  rejoining: boolean;
  staff: boolean;
  onRejoin: () => void;
}) {
  const { t } = useLocale();
  const c = t.room.connection;
  const connectionText = useConnectionText();
  const text = rejoining ? c.reconnecting : connectionText;
  const state = useConnectionState();
  const lost = loss !== null && !rejoining && state === ConnectionState.Disconnected ? loss : null;
  return (
    <>
      <div role="status" aria-live="polite" className="connection-status">
        {text ? <p className="connection-status__text">{text}</p> : null}
      </div>
      {lost ? (
        <div className="connection-lost" role="alert">
          <p>{lossText(lost, c)}</p>
          {lost.kind === 'failed' || lost.kind === 'dropped' ? <p>{c.tryAgain}</p> : null}
          {staff ? <p className="connection-lost__detail">{c.technical(lost.detail)}</p> : null}
          {canRejoinAfter(lost) ? (
            <button type="button" className="button" onClick={onRejoin}>
              {lost.kind === 'elsewhere' ? c.continueHere : c.reconnect}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function lossText(loss: MediaLoss, c: RoomMessages['connection']): string {
  switch (loss.kind) {
    case 'failed':
      return c.failed;
    case 'dropped':
      return c.disconnected;
    case 'elsewhere':
      return c.elsewhere;
    case 'removed':
      return c.removed;
    case 'ended':
      return c.ended;
  }
}

/** The line for the connection as it stands: connecting, reconnecting, back, or weak. */
function useConnectionText(): string | null {
  const { t } = useLocale();
  const c = t.room.connection;
  const room = useRoomContext();
  const state = useConnectionState();
  const { quality } = useConnectionQualityIndicator({ participant: room.localParticipant });
  const wasReconnecting = useRef(false);
  const [reconnected, setReconnected] = useState(false);

  useEffect(() => {
    if (state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting) {
      wasReconnecting.current = true;
      setReconnected(false);
    } else if (state === ConnectionState.Connected && wasReconnecting.current) {
      wasReconnecting.current = false;
      setReconnected(true);
    }
  }, [state]);
  // "Connected again" is news for a moment, not a state to keep showing.
  useEffect(() => {
    if (!reconnected) return;
    const timer = setTimeout(() => setReconnected(false), 5000);
    return () => clearTimeout(timer);
  }, [reconnected]);

  if (state === ConnectionState.Connecting) return c.connecting;
  if (state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting)
    return c.reconnecting;
  if (state !== ConnectionState.Connected) return null;
  if (quality === ConnectionQuality.Lost) return c.lost;
  if (quality === ConnectionQuality.Poor) return c.poor;
  return reconnected ? c.reconnected : null;
}
