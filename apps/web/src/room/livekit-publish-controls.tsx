import { useLocalParticipant, useRoomContext } from '@livekit/components-react';
import { useEffect, useState } from 'react';
import { useLocale } from '../shared/use-locale.ts';
import { describeMediaFailure, type MediaFailure } from './media-failure.ts';
import { PublishControls, type PublishKind } from './publish-controls.tsx';
import type { DeviceChoice } from './use-device-preview.ts';

/**
 * Camera, microphone and screen toggles that publish to LiveKit. Pressed while the room still
 * connects, livekit-client publishes as soon as it can. A device chosen while it is on is
 * switched at once.
 */
export function LiveKitPublishControls({ devices }: { devices: DeviceChoice }) {
  const { t } = useLocale();
  const room = useRoomContext();
  const { localParticipant, isCameraEnabled, isMicrophoneEnabled, isScreenShareEnabled } =
    useLocalParticipant();
  const [busy, setBusy] = useState<PublishKind | null>(null);
  const [failure, setFailure] = useState<MediaFailure | null>(null);

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
      <div role="status" aria-live="polite" className="publish-status">
        {failure ? <p className="inline-error">{t.room.controls.mediaFailed[failure]}</p> : null}
      </div>
    </>
  );
}

/**
 * Sent back to the audience: everything published is taken down and its device let go at
 * once, whichever of our room view and LiveKit's permission says so first.
 */
export function LeaveStageWhenSentBack({ allowed }: { allowed: boolean }) {
  const { localParticipant } = useLocalParticipant();
  // useLocalParticipant renders again on every local track change; the count is what to react to.
  const published = localParticipant.trackPublications.size;
  useEffect(() => {
    if (allowed || published === 0) return;
    for (const publication of localParticipant.trackPublications.values())
      if (publication.track) void localParticipant.unpublishTrack(publication.track, true).catch(() => {});
  }, [allowed, localParticipant, published]);
  return null;
}
