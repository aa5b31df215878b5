import { type EventRole, onStageByRole } from '@folkemote/domain';
import { ParticipantPermission, TrackSource, type VideoGrant } from 'livekit-server-sdk';

/** Everything a person on stage may publish. */
export const STAGE_SOURCES: readonly TrackSource[] = [
  TrackSource.CAMERA,
  TrackSource.MICROPHONE,
  TrackSource.SCREEN_SHARE,
  TrackSource.SCREEN_SHARE_AUDIO,
];

/**
 * The video grant of a join token. Every value is written out: LiveKit's defaults for unset
 * fields (canPublish true, canPublishData = canPublish) are the opposite of what a watcher needs.
 */
export function grantsForRole(role: EventRole, room: string): VideoGrant {
  if (onStageByRole(role))
    return {
      roomJoin: true,
      room,
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canPublishSources: [...STAGE_SOURCES],
    };
  // The audience watches and nothing more. Hidden: LiveKit tells no other client they are there,
  // so nobody learns another attendee's name or identity. No data channel and no metadata or
  // attributes of their own: a raised hand goes through our API, which sets the attribute.
  return {
    roomJoin: true,
    room,
    canPublish: false,
    canSubscribe: true,
    canPublishData: false,
    canUpdateOwnMetadata: false,
    hidden: true,
  };
}

/**
 * The permission to send with UpdateParticipant when someone goes on or off stage: on stage
 * they may publish and are visible to everyone (the recorder included); back in the audience
 * they are as their token made them, hidden unless their role is on stage anyway. LiveKit
 * REPLACES the whole permission and false values never reach the wire, so every field that
 * should be true is set here.
 */
export function stagePermission(role: EventRole, onStage: boolean): ParticipantPermission {
  const staged = onStageByRole(role);
  return new ParticipantPermission({
    canSubscribe: true,
    canPublish: onStage,
    canPublishData: staged,
    canPublishSources: onStage ? [...STAGE_SOURCES] : [],
    canUpdateMetadata: false,
    hidden: !onStage && !staged,
  });
}

/**
 * The same permission, visible. LiveKit sends nothing about a hidden participant to the others,
 * so tracks taken away in the same update as `hidden` would linger in their clients: the tracks
 * go first, with this, and `hidden` after.
 */
export function visibleOffStage(permission: ParticipantPermission): ParticipantPermission {
  const visible = permission.clone();
  visible.hidden = false;
  return visible;
}
