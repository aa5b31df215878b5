import '@livekit/components-styles/components/layout';
import {
  CarouselLayout,
  FocusLayout,
  FocusLayoutContainer,
  GridLayout,
  isTrackReference,
  LiveKitRoom,
  RoomAudioRenderer,
  useAudioPlayback,
  useConnectionQualityIndicator,
  useConnectionState,
  useIsMuted,
  useLocalParticipant,
  useLocalParticipantPermissions,
  useRoomContext,
  useTrackRefContext,
  useTracks,
  VideoTrack,
} from '@livekit/components-react';
import { ConnectionQuality, ConnectionState, Track } from 'livekit-client';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RoomJoin, RoomView } from '../api/room-api.ts';
import { useLocale } from '../hooks/use-locale.ts';
import { arrangeStage, stageNames } from './arrange-stage.ts';
import { describeMediaFailure, type MediaFailure } from './media-failure.ts';
import { PublishControls, type PublishKind } from './publish-controls.tsx';
import type { DeviceChoice } from './use-device-preview.ts';

export interface MediaStageProps {
  join: RoomJoin;
  stage: RoomView['stage'];
  /** Whether this person may publish now (their role, or brought on stage). */
  publishAllowed: boolean;
  devices: DeviceChoice;
  /** LiveKit's own word on publishing, as it changes; null when not connected. */
  onCanPublish: (canPublish: boolean | null) => void;
  /** Asks the API for a fresh token and connects again. */
  onRejoin: () => void;
  /** Places the publish controls (null when not allowed) among the page's other controls. */
  renderControls: (publish: ReactNode) => ReactNode;
}

/**
 * The stage on LiveKit: a shared screen large with the presenters' cameras beside it (or the
 * cameras in a grid), the room's sound, connection notices, and camera, microphone and screen
 * toggles for people on stage. Nothing is published on joining; the audience never gets a
 * camera or microphone prompt.
 */
export default function MediaStage(props: MediaStageProps) {
  const [lost, setLost] = useState<'disconnected' | 'failed' | null>(null);
  const options = useMemo(() => ({ adaptiveStream: true, dynacast: true }), []);
  const connectedOnce = useRef(false);
  // A fresh token is a fresh attempt.
  useEffect(() => {
    connectedOnce.current = false;
    setLost(null);
  }, [props.join.token]);
  // Stable callbacks: LiveKitRoom connects again whenever onError changes identity.
  const onConnected = useCallback(() => {
    connectedOnce.current = true;
    setLost(null);
  }, []);
  const onDisconnected = useCallback(() => setLost(connectedOnce.current ? 'disconnected' : 'failed'), []);
  const onError = useCallback(() => setLost('failed'), []);
  return (
    <LiveKitRoom
      key={props.join.token}
      serverUrl={props.join.serverUrl}
      token={props.join.token}
      connect
      audio={false}
      video={false}
      options={options}
      onConnected={onConnected}
      onDisconnected={onDisconnected}
      onError={onError}
      className="media-room"
    >
      <ConnectionNotices lost={lost} onRejoin={props.onRejoin} />
      <PermissionWatcher onCanPublish={props.onCanPublish} />
      <StageView stage={props.stage} />
      <RoomAudioRenderer />
      <AudioUnblock />
      <LeaveStageWhenSentBack allowed={props.publishAllowed} />
      {props.renderControls(props.publishAllowed ? <LiveKitPublishControls devices={props.devices} /> : null)}
    </LiveKitRoom>
  );
}

function StageView({ stage }: { stage: RoomView['stage'] }) {
  const { t } = useLocale();
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  const onStage = useMemo(() => new Set(stage.map((s) => s.identity)), [stage]);
  const names = useMemo(() => stageNames(stage), [stage]);
  const { focus, side } = arrangeStage(tracks, onStage);
  if (!focus && side.length === 0) return <p className="stage stage--empty">{t.room.stage.nobody}</p>;
  if (!focus)
    return (
      <div className="stage stage--grid">
        <GridLayout tracks={side}>
          <StageTile names={names} />
        </GridLayout>
      </div>
    );
  return (
    <div className="stage stage--focus">
      <FocusLayoutContainer>
        {side.length > 0 ? (
          <CarouselLayout tracks={side}>
            <StageTile names={names} />
          </CarouselLayout>
        ) : null}
        <FocusLayout trackRef={focus}>
          <StageTile names={names} />
        </FocusLayout>
      </FocusLayoutContainer>
    </div>
  );
}

/**
 * One camera or screen, with a caption saying whose it is (and whether the microphone is off):
 * the name our room view gives that identity, never one a client set in LiveKit.
 */
function StageTile({ names }: { names: ReadonlyMap<string, string> }) {
  const { t } = useLocale();
  const ref = useTrackRefContext();
  const name = names.get(ref.participant.identity) ?? t.room.stage.unnamed;
  const screen = ref.source === Track.Source.ScreenShare;
  const microphoneMuted = useIsMuted({ participant: ref.participant, source: Track.Source.Microphone });
  const showing = isTrackReference(ref) && !ref.publication.isMuted;
  const caption = screen ? t.room.stage.screenOf(name) : showing ? name : t.room.stage.cameraOff(name);
  return (
    <figure className={`stage-tile${screen ? ' stage-tile--screen' : ''}`}>
      {showing ? (
        <VideoTrack trackRef={ref} className="stage-tile__video" />
      ) : (
        <div className="stage-tile__placeholder" aria-hidden="true">
          {initials(name)}
        </div>
      )}
      <figcaption className="stage-tile__caption">
        {caption}
        {!screen && microphoneMuted ? `, ${t.room.stage.microphoneOff}` : ''}
      </figcaption>
    </figure>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** Reconnecting, lost and weak-connection notices, in a polite live region. */
function ConnectionNotices({
  lost,
  onRejoin,
}: {
  lost: 'disconnected' | 'failed' | null;
  onRejoin: () => void;
}) {
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

  let text: string | null = null;
  if (state === ConnectionState.Connecting) text = c.connecting;
  else if (state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting)
    text = c.reconnecting;
  else if (state === ConnectionState.Connected) {
    if (quality === ConnectionQuality.Lost) text = c.lost;
    else if (quality === ConnectionQuality.Poor) text = c.poor;
    else if (reconnected) text = c.reconnected;
  }
  const broken = lost !== null && state === ConnectionState.Disconnected;
  return (
    <>
      <div role="status" aria-live="polite" className="connection-status">
        {text ? <p className="connection-status__text">{text}</p> : null}
      </div>
      {broken ? (
        <div className="notice notice--error" role="alert">
          <p>{lost === 'failed' ? c.failed : c.disconnected}</p>
          <button type="button" className="button button--secondary" onClick={onRejoin}>
            {c.reconnect}
          </button>
        </div>
      ) : null}
    </>
  );
}

/** Passes LiveKit's permission for this participant up, to be weighed against the room view. */
function PermissionWatcher({ onCanPublish }: { onCanPublish: (canPublish: boolean | null) => void }) {
  const permissions = useLocalParticipantPermissions();
  const state = useConnectionState();
  const connected = state === ConnectionState.Connected;
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
    <div className="notice">
      <p>{t.room.stage.audioBlocked}</p>
      <button type="button" className="button" onClick={() => void startAudio()}>
        {t.room.stage.startAudio}
      </button>
    </div>
  );
}

/** Sent back to the audience: whatever was on is turned off at once, before LiveKit takes it. */
function LeaveStageWhenSentBack({ allowed }: { allowed: boolean }) {
  const { localParticipant, isCameraEnabled, isMicrophoneEnabled, isScreenShareEnabled } =
    useLocalParticipant();
  useEffect(() => {
    if (allowed) return;
    if (isCameraEnabled) void localParticipant.setCameraEnabled(false).catch(() => {});
    if (isMicrophoneEnabled) void localParticipant.setMicrophoneEnabled(false).catch(() => {});
    if (isScreenShareEnabled) void localParticipant.setScreenShareEnabled(false).catch(() => {});
  }, [allowed, localParticipant, isCameraEnabled, isMicrophoneEnabled, isScreenShareEnabled]);
  return null;
}

function LiveKitPublishControls({ devices }: { devices: DeviceChoice }) {
  const { t } = useLocale();
  const room = useRoomContext();
  const { localParticipant, isCameraEnabled, isMicrophoneEnabled, isScreenShareEnabled } =
    useLocalParticipant();
  const [busy, setBusy] = useState<PublishKind | null>(null);
  const [failure, setFailure] = useState<MediaFailure | null>(null);

  // A device chosen while it is on is switched at once.
  useEffect(() => {
    if (isCameraEnabled && devices.cameraId) void room.switchActiveDevice('videoinput', devices.cameraId);
  }, [room, devices.cameraId, isCameraEnabled]);
  useEffect(() => {
    if (isMicrophoneEnabled && devices.microphoneId)
      void room.switchActiveDevice('audioinput', devices.microphoneId);
  }, [room, devices.microphoneId, isMicrophoneEnabled]);

  const toggle = async (kind: PublishKind) => {
    setBusy(kind);
    setFailure(null);
    try {
      if (kind === 'camera')
        await localParticipant.setCameraEnabled(
          !isCameraEnabled,
          devices.cameraId ? { deviceId: devices.cameraId } : undefined,
        );
      else if (kind === 'microphone')
        await localParticipant.setMicrophoneEnabled(
          !isMicrophoneEnabled,
          devices.microphoneId ? { deviceId: devices.microphoneId } : undefined,
        );
      else await localParticipant.setScreenShareEnabled(!isScreenShareEnabled, { audio: true });
    } catch (error) {
      setFailure(describeMediaFailure(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PublishControls
        on={{ camera: isCameraEnabled, microphone: isMicrophoneEnabled, screen: isScreenShareEnabled }}
        busy={busy}
        onToggle={(kind) => void toggle(kind)}
      />
      <div role="status" aria-live="polite">
        {failure ? <p className="inline-error">{t.room.controls.mediaFailed[failure]}</p> : null}
      </div>
    </>
  );
}
