import {
  BROADCAST_LIVE_PLAYLIST,
  BROADCAST_SEGMENT_SECONDS,
  BROADCAST_VOD_PLAYLIST,
  type EventRole,
} from '@folkemote/domain';
import { ParticipantInfo_Kind } from '@livekit/protocol';
import {
  EgressClient,
  type EgressInfo,
  EncodedFileOutput,
  EncodedFileType,
  EncodingOptionsPreset,
  type ParticipantInfo,
  type Room,
  RoomServiceClient,
  S3Upload,
  SegmentedFileOutput,
  SegmentedFileProtocol,
  type TrackInfo,
} from 'livekit-server-sdk';
import { isLiveKitError, toLiveKitError } from './livekit-error.ts';
import { stagePermission, visibleOffStage } from './role-grants.ts';
import type { LiveKitSettings } from './settings.ts';

export interface CreateRoomOptions {
  /** Seconds the room stays open before anyone joins. */
  emptyTimeout?: number;
  /** Seconds the room stays open after the last person leaves. */
  departureTimeout?: number;
  maxParticipants?: number;
  metadata?: string;
}

/** Where egress writes the recording (any S3-compatible store). */
export interface EgressS3Target {
  accessKey: string;
  secret: string;
  region: string;
  /** Unset for AWS itself. */
  endpoint?: string;
  bucket: string;
  forcePathStyle: boolean;
}

export interface RoomRecordingRequest {
  /** Object key; may use {room_name}, {room_id}, {time}, {utc}. */
  filepath: string;
  s3: EgressS3Target;
  /**
   * A broadcast: the room is also written as a segmented HLS stream (a ladder of renditions,
   * 2-second segments, a live playlist and, at the end, a VOD playlist) under `prefix` of this bucket.
   */
  segments?: { prefix: string; s3: EgressS3Target };
}

export interface ListEgressFilter {
  roomName?: string;
  /** Only egresses that are starting, active or ending. */
  active?: boolean;
}

/** The LiveKit server API as the live room uses it. Every method throws LiveKitError. */
export interface LiveKitControl {
  /** Creates the room, or returns it when it exists already. */
  createRoom(name: string, options?: CreateRoomOptions): Promise<Room>;
  /** Ends the room for everyone; a room that is already gone is no error. */
  deleteRoom(name: string): Promise<void>;
  /** People in the room, without the egress recorder. Empty for a room that does not exist. */
  listParticipants(room: string): Promise<ParticipantInfo[]>;
  /**
   * Lets someone publish camera, microphone and screen and shows them to everyone, or takes it
   * away (unpublishing their tracks) and, for the audience's roles, hides them again.
   */
  setOnStage(room: string, identity: string, role: EventRole, onStage: boolean): Promise<ParticipantInfo>;
  /** Merges attributes; an empty value deletes the key. */
  setAttributes(room: string, identity: string, attributes: Record<string, string>): Promise<ParticipantInfo>;
  removeParticipant(room: string, identity: string): Promise<void>;
  muteTrack(room: string, identity: string, trackSid: string, muted?: boolean): Promise<TrackInfo>;
  /**
   * Starts a 1080p speaker-layout composite recording written as MP4 to S3 and, for a broadcast,
   * as a segmented HLS stream too.
   */
  startRoomRecording(room: string, request: RoomRecordingRequest): Promise<EgressInfo>;
  stopEgress(egressId: string): Promise<EgressInfo>;
  listEgress(filter?: ListEgressFilter): Promise<EgressInfo[]>;
}

export function createLiveKitControl(settings: LiveKitSettings): LiveKitControl {
  const rooms = new RoomServiceClient(settings.apiUrl, settings.apiKey, settings.apiSecret);
  const egress = new EgressClient(settings.egressUrl ?? settings.apiUrl, settings.apiKey, settings.apiSecret);

  return {
    createRoom: (name, options = {}) => call(() => rooms.createRoom({ name, ...options })),

    async deleteRoom(name) {
      try {
        await rooms.deleteRoom(name);
      } catch (error) {
        const failure = toLiveKitError(error);
        if (!isLiveKitError(failure, 'not_found')) throw failure;
      }
    },

    async listParticipants(room) {
      const participants = await call(() => rooms.listParticipants(room));
      return participants.filter((p) => !isEgressRecorder(p));
    },

    async setOnStage(room, identity, role, onStage) {
      const permission = stagePermission(role, onStage);
      if (permission.hidden) {
        const current = await call(() => rooms.getParticipant(room, identity));
        // Only someone the others can see has tracks to take away in their sight first.
        if (!current.permission?.hidden)
          await call(() =>
            rooms.updateParticipant(room, identity, { permission: visibleOffStage(permission) }),
          );
      }
      return call(() => rooms.updateParticipant(room, identity, { permission }));
    },

    setAttributes: (room, identity, attributes) =>
      call(() => rooms.updateParticipant(room, identity, { attributes })),

    removeParticipant: (room, identity) => call(() => rooms.removeParticipant(room, identity)),

    muteTrack: (room, identity, trackSid, muted = true) =>
      call(() => rooms.mutePublishedTrack(room, identity, trackSid, muted)),

    startRoomRecording(room, request) {
      const file = new EncodedFileOutput({
        fileType: EncodedFileType.MP4,
        filepath: request.filepath,
        output: { case: 's3', value: s3UploadOf(request.s3) },
      });
      const segments = request.segments && segmentedOutputOf(request.segments);
      return call(() =>
        egress.startRoomCompositeEgress(room, segments ? { file, segments } : { file }, {
          layout: 'speaker',
          encodingOptions: EncodingOptionsPreset.H264_1080P_30,
        }),
      );
    },

    stopEgress: (egressId) => call(() => egress.stopEgress(egressId)),

    listEgress: (filter = {}) =>
      call(() =>
        egress.listEgress({
          ...(filter.roomName !== undefined ? { roomName: filter.roomName } : {}),
          ...(filter.active !== undefined ? { active: filter.active } : {}),
        }),
      ),
  };
}

function s3UploadOf(target: EgressS3Target): S3Upload {
  return new S3Upload({
    accessKey: target.accessKey,
    secret: target.secret,
    region: target.region,
    endpoint: target.endpoint ?? '',
    bucket: target.bucket,
    forcePathStyle: target.forcePathStyle,
  });
}

/**
 * The broadcast's HLS stream as Egress's segmented file output: 2-second segments under the
 * prefix, a live playlist (the window) and, when the egress ends, the playlist of every segment.
 */
function segmentedOutputOf(segments: NonNullable<RoomRecordingRequest['segments']>): SegmentedFileOutput {
  return new SegmentedFileOutput({
    protocol: SegmentedFileProtocol.HLS_PROTOCOL,
    filenamePrefix: segments.prefix,
    playlistName: BROADCAST_VOD_PLAYLIST,
    livePlaylistName: BROADCAST_LIVE_PLAYLIST,
    segmentDuration: BROADCAST_SEGMENT_SECONDS,
    output: { case: 's3', value: s3UploadOf(segments.s3) },
  });
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toLiveKitError(error);
  }
}

/** The recorder joins as a hidden participant of kind EGRESS whose identity is the egress id. */
function isEgressRecorder(participant: ParticipantInfo): boolean {
  return (
    participant.kind === ParticipantInfo_Kind.EGRESS ||
    (participant.identity.startsWith('EG_') && participant.permission?.hidden === true)
  );
}
