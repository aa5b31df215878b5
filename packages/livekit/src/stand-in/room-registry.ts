import {
  Codec,
  type CreateRoomRequest,
  ParticipantInfo,
  ParticipantInfo_State,
  type ParticipantPermission,
  Room,
  TrackInfo,
  TrackSource,
  TrackType,
  type UpdateParticipantRequest,
} from '@livekit/protocol';
import { nowMs, nowSeconds } from './clock.ts';
import { newSid, newTurnPassword } from './ids.ts';
import { canPublishSource } from './participant-permission.ts';
import { participantNotFound, roomNotFound, trackNotFound } from './twirp-failure.ts';
import type { WebhookPayload } from './webhook-sender.ts';

// LiveKit's defaults for a room created without settings.
const DEFAULT_EMPTY_TIMEOUT = 300;
const DEFAULT_DEPARTURE_TIMEOUT = 20;
// The codecs LiveKit 1.13 enables in a room unless its configuration says otherwise.
const DEFAULT_CODECS = [
  'audio/PCMU',
  'audio/PCMA',
  'audio/opus',
  'audio/red',
  'video/VP8',
  'video/H264',
  'video/VP9',
  'video/AV1',
  'video/H265',
  'video/rtx',
];

interface RoomState {
  room: Room;
  participants: Map<string, ParticipantInfo>;
}

export type Notify = (payload: WebhookPayload) => void;

/**
 * Rooms, participants and tracks, changed the way LiveKit changes them, with the webhooks
 * LiveKit sends. Everything handed out is a copy.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, RoomState>();
  /** Called before a room closes, so its recordings can end. */
  onRoomClosing: (room: Room) => void = () => {};
  /**
   * Called with every participant update the server sends to the room's other clients. As
   * LiveKit's room does, nothing is sent about a participant who is hidden now: their joining,
   * changes and leaving reach no other client.
   */
  onParticipantUpdate: (room: string, participant: ParticipantInfo) => void = () => {};

  constructor(private readonly notify: Notify) {}

  /**
   * Creates the room, or returns the existing one as it is: LiveKit answers from the room its
   * node holds, so settings in a repeated CreateRoom change nothing.
   */
  createRoom(request: Pick<CreateRoomRequest, 'name'> & Partial<CreateRoomRequest>): Room {
    const existing = this.rooms.get(request.name);
    if (existing) return existing.room.clone();
    const room = new Room({
      sid: newSid('RM_'),
      name: request.name,
      emptyTimeout: request.emptyTimeout || DEFAULT_EMPTY_TIMEOUT,
      departureTimeout: request.departureTimeout || DEFAULT_DEPARTURE_TIMEOUT,
      maxParticipants: request.maxParticipants ?? 0,
      creationTime: nowSeconds(),
      creationTimeMs: nowMs(),
      metadata: request.metadata ?? '',
      turnPassword: newTurnPassword(),
      enabledCodecs: DEFAULT_CODECS.map((mime) => new Codec({ mime })),
    });
    this.rooms.set(room.name, { room, participants: new Map() });
    this.notify({ event: 'room_started', room: room.clone() });
    return room.clone();
  }

  hasRoom(name: string): boolean {
    return this.rooms.has(name);
  }

  hasParticipant(room: string, identity: string): boolean {
    return this.rooms.get(room)?.participants.has(identity) ?? false;
  }

  getRoom(name: string): Room {
    return this.requireRoom(name).room.clone();
  }

  listRooms(names: string[]): Room[] {
    return [...this.rooms.values()]
      .filter((state) => names.length === 0 || names.includes(state.room.name))
      .map((state) => state.room.clone());
  }

  deleteRoom(name: string): void {
    const state = this.requireRoom(name);
    this.onRoomClosing(state.room.clone());
    for (const identity of [...state.participants.keys()]) this.removeParticipant(name, identity);
    this.rooms.delete(name);
    this.notify({ event: 'room_finished', room: state.room.clone() });
  }

  updateRoomMetadata(name: string, metadata: string): Room {
    const state = this.requireRoom(name);
    state.room.metadata = metadata;
    return state.room.clone();
  }

  setActiveRecording(name: string, active: boolean): void {
    const state = this.rooms.get(name);
    if (state) state.room.activeRecording = active;
  }

  listParticipants(room: string): ParticipantInfo[] {
    const state = this.rooms.get(room);
    return state ? [...state.participants.values()].map((p) => p.clone()) : [];
  }

  getParticipant(room: string, identity: string): ParticipantInfo {
    return this.requireParticipant(room, identity).participant.clone();
  }

  /** A client connects; one already connected with the same identity is replaced. */
  addParticipant(
    roomName: string,
    joining: Pick<ParticipantInfo, 'identity' | 'name' | 'metadata' | 'attributes' | 'kind'> & {
      permission: ParticipantPermission;
    },
  ): ParticipantInfo {
    if (!this.rooms.has(roomName)) this.createRoom({ name: roomName });
    const state = this.requireRoom(roomName);
    if (state.participants.has(joining.identity)) this.removeParticipant(roomName, joining.identity);
    const participant = new ParticipantInfo({
      sid: newSid('PA_'),
      identity: joining.identity,
      name: joining.name,
      metadata: joining.metadata,
      attributes: { ...joining.attributes },
      kind: joining.kind,
      permission: joining.permission.clone(),
      state: ParticipantInfo_State.ACTIVE,
      joinedAt: nowSeconds(),
      joinedAtMs: nowMs(),
      version: 1,
    });
    state.participants.set(participant.identity, participant);
    this.recount(state);
    this.broadcast(roomName, participant);
    this.notify({ event: 'participant_joined', room: state.room.clone(), participant: participant.clone() });
    return participant.clone();
  }

  removeParticipant(roomName: string, identity: string): void {
    const { state, participant } = this.requireParticipant(roomName, identity);
    for (const track of [...participant.tracks]) this.unpublishTrack(roomName, identity, track.sid);
    state.participants.delete(identity);
    participant.state = ParticipantInfo_State.DISCONNECTED;
    this.recount(state);
    this.broadcast(roomName, participant);
    this.notify({ event: 'participant_left', room: state.room.clone(), participant: participant.clone() });
  }

  /**
   * Empty name or metadata leave them as they are; attributes merge and an empty value deletes
   * the key; a permission replaces the whole set, and tracks it no longer allows are unpublished.
   */
  updateParticipant(request: UpdateParticipantRequest): ParticipantInfo {
    const { participant } = this.requireParticipant(request.room, request.identity);
    if (request.name) participant.name = request.name;
    if (request.metadata) participant.metadata = request.metadata;
    for (const [key, value] of Object.entries(request.attributes)) {
      if (value === '') delete participant.attributes[key];
      else participant.attributes[key] = value;
    }
    if (request.permission) {
      participant.permission = request.permission.clone();
      for (const track of [...participant.tracks]) {
        if (!canPublishSource(participant.permission, track.source)) {
          this.unpublishTrack(request.room, request.identity, track.sid);
        }
      }
    }
    participant.version += 1;
    this.broadcast(request.room, participant);
    return participant.clone();
  }

  publishTrack(roomName: string, identity: string, source: TrackSource, trackName?: string): TrackInfo {
    const { state, participant } = this.requireParticipant(roomName, identity);
    const audio = source === TrackSource.MICROPHONE || source === TrackSource.SCREEN_SHARE_AUDIO;
    const screen = source === TrackSource.SCREEN_SHARE;
    const track = new TrackInfo({
      sid: newSid('TR_'),
      type: audio ? TrackType.AUDIO : TrackType.VIDEO,
      name: trackName ?? TrackSource[source].toLowerCase(),
      source,
      mimeType: audio ? 'audio/opus' : 'video/VP8',
      width: audio ? 0 : screen ? 1920 : 1280,
      height: audio ? 0 : screen ? 1080 : 720,
      simulcast: !audio && !screen,
    });
    participant.tracks.push(track);
    participant.isPublisher = true;
    participant.version += 1;
    this.recount(state);
    this.broadcast(roomName, participant);
    this.notify({
      event: 'track_published',
      room: state.room.clone(),
      participant: participant.clone(),
      track: track.clone(),
    });
    return track.clone();
  }

  unpublishTrack(roomName: string, identity: string, trackSid: string): void {
    const { state, participant } = this.requireParticipant(roomName, identity);
    const index = participant.tracks.findIndex((t) => t.sid === trackSid);
    const track = participant.tracks[index];
    if (track === undefined) throw trackNotFound();
    participant.tracks.splice(index, 1);
    participant.version += 1;
    this.recount(state);
    this.broadcast(roomName, participant);
    this.notify({
      event: 'track_unpublished',
      room: state.room.clone(),
      participant: participant.clone(),
      track: track.clone(),
    });
  }

  muteTrack(roomName: string, identity: string, trackSid: string, muted: boolean): TrackInfo {
    const { participant } = this.requireParticipant(roomName, identity);
    const track = participant.tracks.find((t) => t.sid === trackSid);
    if (track === undefined) throw trackNotFound();
    track.muted = muted;
    participant.version += 1;
    this.broadcast(roomName, participant);
    return track.clone();
  }

  private requireRoom(name: string): RoomState {
    const state = this.rooms.get(name);
    if (!state) throw roomNotFound();
    return state;
  }

  private requireParticipant(room: string, identity: string) {
    const state = this.rooms.get(room);
    const participant = state?.participants.get(identity);
    if (!state || !participant) throw participantNotFound();
    return { state, participant };
  }

  private broadcast(room: string, participant: ParticipantInfo): void {
    if (participant.permission?.hidden) return;
    this.onParticipantUpdate(room, participant.clone());
  }

  private recount(state: RoomState): void {
    const visible = [...state.participants.values()].filter((p) => !p.permission?.hidden);
    state.room.numParticipants = visible.length;
    state.room.numPublishers = visible.filter((p) => p.tracks.length > 0).length;
  }
}
