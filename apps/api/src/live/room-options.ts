import type { Config } from '@folkemote/config';
import type { CreateRoomOptions, RoomRecordingRequest } from '@folkemote/livekit';

/**
 * LiveKit closes an empty room after these; our database keeps the room's state, and the room
 * is created again before it is needed (going live, recording), so a quiet backstage costs nothing.
 */
export const liveKitRoomOptions: CreateRoomOptions = { emptyTimeout: 30 * 60, departureTimeout: 10 * 60 };

/** Where a room's recording goes: the raw bucket, one folder per event, as the pipeline's sources do. */
export function recordingRequestFor(config: Pick<Config, 's3'>, eventId: string): RoomRecordingRequest {
  const { s3 } = config;
  return {
    filepath: `livekit/${eventId}/{time}.mp4`,
    s3: {
      accessKey: s3.accessKeyId,
      secret: s3.secretAccessKey,
      region: s3.region,
      endpoint: s3.endpoint,
      bucket: s3.rawBucket,
      forcePathStyle: s3.forcePathStyle,
    },
  };
}
