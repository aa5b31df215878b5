import type { EventRole } from '@folkemote/domain';
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
  switch (role) {
    case 'host':
    case 'presenter':
      return {
        roomJoin: true,
        room,
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
        canPublishSources: [...STAGE_SOURCES],
      };
    case 'moderator':
    case 'attendee':
      // canPublishData must be set: unset it would follow canPublish (false) and Q&A signals,
      // hand raising and chat need the data channel. canUpdateOwnMetadata lets the client set
      // its raised-hand attribute.
      return {
        roomJoin: true,
        room,
        canPublish: false,
        canSubscribe: true,
        canPublishData: true,
        canUpdateOwnMetadata: true,
      };
  }
}

/**
 * The permission to send with UpdateParticipant when someone goes on or off stage. LiveKit
 * REPLACES the whole permission and false values never reach the wire, so every field that
 * should stay true is set here. `current` (the participant's permission now) keeps `hidden`,
 * `canSubscribe` and `canUpdateMetadata` as they were; without it they take the values an
 * attendee's token gives.
 */
export function stagePermission(onStage: boolean, current?: ParticipantPermission): ParticipantPermission {
  return new ParticipantPermission({
    canSubscribe: current?.canSubscribe ?? true,
    canPublish: onStage,
    canPublishData: true,
    canPublishSources: onStage ? [...STAGE_SOURCES] : [],
    canUpdateMetadata: current?.canUpdateMetadata ?? true,
    hidden: current?.hidden ?? false,
  });
}
