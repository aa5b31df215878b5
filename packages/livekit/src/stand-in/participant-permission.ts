import { ParticipantPermission, TrackSource } from '@livekit/protocol';
import type { VideoGrant } from 'livekit-server-sdk';

export const SOURCE_NAMES = ['camera', 'microphone', 'screen_share', 'screen_share_audio'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

const SOURCE_BY_NAME: Record<SourceName, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

export function sourceFromName(name: SourceName): TrackSource {
  return SOURCE_BY_NAME[name];
}

/** In a JWT the sources are names; in the SDK's VideoGrant they are enum values. */
function toSource(value: unknown): TrackSource | undefined {
  if (typeof value === 'number') return value in TrackSource ? (value as TrackSource) : undefined;
  if (typeof value === 'string') return SOURCE_BY_NAME[value.toLowerCase() as SourceName];
  return undefined;
}

/**
 * The permission LiveKit derives from a join token's video grant: canPublish and canSubscribe
 * default to true, canPublishData to the value of canPublish, canUpdateMetadata to false.
 */
export function permissionFromGrant(grant: VideoGrant): ParticipantPermission {
  const canPublish = grant.canPublish ?? true;
  const sources = (grant.canPublishSources ?? [])
    .map((source) => toSource(source))
    .filter((source): source is TrackSource => source !== undefined);
  return new ParticipantPermission({
    canPublish,
    canSubscribe: grant.canSubscribe ?? true,
    canPublishData: grant.canPublishData ?? canPublish,
    canPublishSources: sources,
    hidden: grant.hidden ?? false,
    recorder: grant.recorder ?? false,
    canUpdateMetadata: grant.canUpdateOwnMetadata ?? false,
    agent: grant.agent ?? false,
    canSubscribeMetrics: grant.canSubscribeMetrics ?? false,
  });
}

/** An empty source list allows every source, as long as canPublish is set. */
export function canPublishSource(
  permission: ParticipantPermission | undefined,
  source: TrackSource,
): boolean {
  if (!permission?.canPublish) return false;
  return permission.canPublishSources.length === 0 || permission.canPublishSources.includes(source);
}
