import {
  CreateRoomRequest,
  DeleteRoomRequest,
  DeleteRoomResponse,
  ListParticipantsRequest,
  ListParticipantsResponse,
  ListRoomsRequest,
  ListRoomsResponse,
  MuteRoomTrackRequest,
  MuteRoomTrackResponse,
  RemoveParticipantResponse,
  RoomParticipantIdentity,
  SendDataRequest,
  SendDataResponse,
  UpdateParticipantRequest,
  UpdateRoomMetadataRequest,
} from '@livekit/protocol';
import { requireGrant, requireRoomAdmin } from './require-grant.ts';
import type { RoomRegistry } from './room-registry.ts';
import { noResponseFromServers, TwirpFailure } from './twirp-failure.ts';
import { type TwirpService, twirpMethod } from './twirp-method.ts';

export type DataSink = (request: SendDataRequest) => void;

export function roomService(rooms: RoomRegistry, onData: DataSink): TwirpService {
  return {
    CreateRoom: twirpMethod(CreateRoomRequest, (request, claims) => {
      requireGrant(claims, 'roomCreate');
      if (!request.name) throw new TwirpFailure('invalid_argument', 'room name is required');
      return rooms.createRoom(request);
    }),

    ListRooms: twirpMethod(ListRoomsRequest, (request, claims) => {
      requireGrant(claims, 'roomList');
      return new ListRoomsResponse({ rooms: rooms.listRooms(request.names) });
    }),

    DeleteRoom: twirpMethod(DeleteRoomRequest, (request, claims) => {
      requireGrant(claims, 'roomCreate');
      rooms.deleteRoom(request.room);
      return new DeleteRoomResponse();
    }),

    ListParticipants: twirpMethod(ListParticipantsRequest, (request, claims) => {
      requireRoomAdmin(claims, request.room);
      return new ListParticipantsResponse({ participants: rooms.listParticipants(request.room) });
    }),

    GetParticipant: twirpMethod(RoomParticipantIdentity, (request, claims) => {
      requireRoomAdmin(claims, request.room);
      return rooms.getParticipant(request.room, request.identity);
    }),

    RemoveParticipant: twirpMethod(RoomParticipantIdentity, (request, claims) => {
      requireRoomAdmin(claims, request.room);
      rooms.removeParticipant(request.room, request.identity);
      return new RemoveParticipantResponse();
    }),

    MutePublishedTrack: twirpMethod(MuteRoomTrackRequest, (request, claims) => {
      requireRoomAdmin(claims, request.room);
      // Routed to the participant's node, as SendData is to the room's: nobody there, no answer.
      if (!rooms.hasParticipant(request.room, request.identity)) throw noResponseFromServers();
      const track = rooms.muteTrack(request.room, request.identity, request.trackSid, request.muted);
      return new MuteRoomTrackResponse({ track });
    }),

    UpdateParticipant: twirpMethod(UpdateParticipantRequest, (request, claims) => {
      requireRoomAdmin(claims, request.room);
      return rooms.updateParticipant(request);
    }),

    SendData: twirpMethod(SendDataRequest, (request, claims) => {
      requireRoomAdmin(claims, request.room);
      if (!rooms.hasRoom(request.room)) throw noResponseFromServers();
      onData(request.clone());
      return new SendDataResponse();
    }),

    UpdateRoomMetadata: twirpMethod(UpdateRoomMetadataRequest, (request, claims) => {
      requireRoomAdmin(claims, request.room);
      return rooms.updateRoomMetadata(request.room, request.metadata);
    }),
  };
}
