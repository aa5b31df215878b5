import type { Config } from '@folkemote/config';
import type { CreateRoomOptions, EgressS3Target, RoomRecordingRequest } from '@folkemote/livekit';
import { publicKeys } from '@folkemote/storage';

/**
 * LiveKit closes an empty room after these; our database keeps the room's state, and the room
 * is created again before it is needed (going live, recording), so a quiet backstage costs nothing.
 */
export const liveKitRoomOptions: CreateRoomOptions = { emptyTimeout: 30 * 60, departureTimeout: 10 * 60 };

function bucketTarget(s3: Config['s3'], bucket: string): EgressS3Target {
  return {
    accessKey: s3.accessKeyId,
    secret: s3.secretAccessKey,
    region: s3.region,
    endpoint: s3.endpoint,
    bucket,
    forcePathStyle: s3.forcePathStyle,
  };
}

/**
 * Where a room's recording goes: the raw bucket, one folder per event, as the pipeline's sources
 * do. With `broadcastId` (a broadcast going live), the room is also streamed as HLS into the public
 * bucket under the broadcast's address, `replays/<broadcastId>/live/`.
 */
export function recordingRequestFor(
  config: Pick<Config, 's3'>,
  eventId: string,
  broadcastId?: string,
): RoomRecordingRequest {
  const { s3 } = config;
  return {
    filepath: `livekit/${eventId}/{time}.mp4`,
    s3: bucketTarget(s3, s3.rawBucket),
    ...(broadcastId
      ? {
          segments: {
            prefix: publicKeys.broadcastStreamPrefix(broadcastId),
            s3: bucketTarget(s3, s3.publicBucket),
          },
        }
      : {}),
  };
}
