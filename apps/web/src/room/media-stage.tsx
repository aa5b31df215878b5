import {
  RoomAudioRenderer,
  RoomContext,
  useAudioPlayback,
  useConnectionState,
  useLocalParticipantPermissions,
} from '@livekit/components-react';
import { ConnectionState } from 'livekit-client';
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocale } from '../shared/use-locale.ts';
import { ConnectionNotices } from './connection-notices.tsx';
import { FullscreenToggle } from './fullscreen-toggle.tsx';
import { LeaveStageWhenSentBack, LiveKitPublishControls } from './livekit-publish-controls.tsx';
import type { RoomJoin, RoomView } from './room-api.ts';
import { StageView } from './stage-view.tsx';
import type { DeviceChoice } from './use-device-preview.ts';
import { useMediaRoom } from './use-media-room.ts';

export interface MediaStageProps {
  join: RoomJoin;
  stage: RoomView['stage'];
  /** Whether this person may publish now (their role, or brought on stage). */
  publishAllowed: boolean;
  /** Staff read the technical detail of a lost connection. */
  staff: boolean;
  devices: DeviceChoice;
  /** LiveKit's own word on publishing, as it changes; null when not connected. */
  onCanPublish: (canPublish: boolean | null) => void;
  /** A fresh token from our API, for connecting again. */
  requestJoin: () => Promise<RoomJoin>;
  /** Places the publish controls (null when not allowed) and the full-screen button in the page's toolbar. */
  renderControls: (publish: ReactNode, fullscreen: ReactNode) => ReactNode;
}

/**
 * The stage on LiveKit: the video, the room's sound, connection notices over the stage, and the
 * camera, microphone and screen toggles for people on stage. Nothing is published on joining;
 * the audience never gets a camera or microphone prompt. A dropped connection is taken up again
 * by itself, with what was on.
 */
export default function MediaStage(props: MediaStageProps) {
  const media = useMediaRoom(props.join, props.requestJoin);
  const frame = useRef<HTMLDivElement>(null);
  return (
    <RoomContext.Provider value={media.room}>
      {/* The stage and its toolbar go to the whole screen together, so the controls stay at hand. */}
      <div className="media-stage" ref={frame}>
        <div className="stage-frame">
          <StageView stage={props.stage} />
          <ConnectionNotices
            loss={media.loss}
            rejoining={media.rejoining}
            staff={props.staff}
            onRejoin={media.rejoin}
          />
        </div>
        <AudioUnblock />
        {props.renderControls(
          props.publishAllowed ? <LiveKitPublishControls devices={props.devices} /> : null,
          <FullscreenToggle target={frame} />,
        )}
      </div>
      <RoomAudioRenderer />
      <PermissionWatcher onCanPublish={props.onCanPublish} />
      <LeaveStageWhenSentBack allowed={props.publishAllowed} />
    </RoomContext.Provider>
  );
}

/** Passes LiveKit's permission for this participant up, to be weighed against the room view. */
function PermissionWatcher({ onCanPublish }: { onCanPublish: (canPublish: boolean | null) => void }) {
  const permissions = useLocalParticipantPermissions();
  const connected = useConnectionState() === ConnectionState.Connected;
  const canPublish = connected && permissions ? permissions.canPublish : null;
  useEffect(() => {
    onCanPublish(canPublish);
  }, [canPublish, onCanPublish]);
  useEffect(() => () => onCanPublish(null), [onCanPublish]);
  return null;
}

/** Browsers may block sound until the page is touched; then a button lets it play. */
function AudioUnblock() {
  const { t } = useLocale();
  const { canPlayAudio, startAudio } = useAudioPlayback();
  if (canPlayAudio) return null;
  return (
    <div className="notice audio-unblock">
      <p>{t.room.stage.audioBlocked}</p>
      <button type="button" className="button" onClick={() => void startAudio()}>
        {t.room.stage.startAudio}
      </button>
    </div>
  );
}
