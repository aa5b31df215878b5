import {
  type ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  type TrackInfo,
  UpdateParticipantRequest,
} from '@livekit/protocol';
import type { LiveKitCredentials } from '../settings.ts';
import {
  canPublishSource,
  permissionFromGrant,
  type SourceName,
  sourceFromName,
} from './participant-permission.ts';
import type { RoomRegistry } from './room-registry.ts';
import { PlainUnauthorized, TwirpFailure } from './twirp-failure.ts';
import { verifyAccessToken } from './verify-access-token.ts';

export type StandInClientErrorCode = 'unauthorized' | 'permission_denied' | 'not_found';

const STATUS: Record<StandInClientErrorCode, number> = {
  unauthorized: 401,
  permission_denied: 403,
  not_found: 404,
};

/** What a LiveKit client would have been refused. */
export class StandInClientError extends Error {
  readonly code: StandInClientErrorCode;
  readonly status: number;

  constructor(code: StandInClientErrorCode, message: string) {
    super(message);
    this.name = 'StandInClientError';
    this.code = code;
    this.status = STATUS[code];
  }
}

/** A client connected with an access token. The stand-in carries no media: tracks are bookkeeping. */
export interface SimulatedParticipant {
  readonly identity: string;
  readonly room: string;
  readonly sid: string;
  /** The participant as the server sees it now. */
  info(): ParticipantInfo;
  /**
   * The other participants as this client knows them: what the server told it when it joined
   * and in the updates since. A hidden participant is never among them.
   */
  remoteParticipants(): ParticipantInfo[];
  /** Refused unless the permission allows the source (canPublish, canPublishSources). */
  publishTrack(source: SourceName, name?: string): TrackInfo;
  unpublishTrack(trackSid: string): void;
  /** Refused without canPublishData. */
  publishData(): void;
  /** The client's own setAttributes; refused without canUpdateMetadata. */
  setAttributes(attributes: Record<string, string>): ParticipantInfo;
  leave(): void;
}

interface Connection {
  participant: SimulatedParticipant;
  /** The other participants this client was told of, by identity. */
  known: Map<string, ParticipantInfo>;
}

export class SimulatedClients {
  private readonly connected = new Map<string, Connection>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly credentials: LiveKitCredentials,
  ) {
    rooms.onParticipantUpdate = (room, participant) => this.deliver(room, participant);
  }

  /** Connects as LiveKit's signalling would: token checked, room created when missing, permission from the grant. */
  async join(token: string): Promise<SimulatedParticipant> {
    const claims = await this.claimsOf(token);
    const video = claims.video;
    if (!video?.roomJoin || !video.room) throw new StandInClientError('unauthorized', 'permissions denied');
    if (!claims.sub) throw new StandInClientError('unauthorized', 'identity cannot be empty');
    const info = this.rooms.addParticipant(video.room, {
      identity: claims.sub,
      name: claims.name ?? '',
      metadata: claims.metadata ?? '',
      attributes: claims.attributes ?? {},
      kind: ParticipantInfo_Kind.STANDARD,
      permission: permissionFromGrant(video),
    });
    // The join response names everyone in the room but hidden participants.
    const known = new Map(
      this.rooms
        .listParticipants(video.room)
        .filter((p) => p.identity !== info.identity && !p.permission?.hidden)
        .map((p) => [p.identity, p]),
    );
    const participant = this.participantHandle(video.room, info.identity, info.sid, known);
    this.connected.set(key(video.room, info.identity), { participant, known });
    return participant;
  }

  /** The connected participant a token belongs to (for the HTTP test API). */
  async connectedFor(token: string): Promise<SimulatedParticipant> {
    const claims = await this.claimsOf(token);
    const connection = this.connected.get(key(claims.video?.room ?? '', claims.sub ?? ''));
    if (!connection) throw new StandInClientError('not_found', 'participant does not exist');
    return connection.participant;
  }

  /** A participant update reaches every other client connected to the room. */
  private deliver(room: string, update: ParticipantInfo): void {
    for (const connection of this.connected.values()) {
      const { participant, known } = connection;
      if (participant.room !== room || participant.identity === update.identity) continue;
      if (update.state === ParticipantInfo_State.DISCONNECTED) {
        if (known.get(update.identity)?.sid === update.sid) known.delete(update.identity);
      } else {
        known.set(update.identity, update);
      }
    }
  }

  private async claimsOf(token: string) {
    try {
      return await verifyAccessToken(this.credentials, token);
    } catch (error) {
      if (error instanceof PlainUnauthorized) throw new StandInClientError('unauthorized', error.message);
      throw error;
    }
  }

  private participantHandle(
    room: string,
    identity: string,
    sid: string,
    known: ReadonlyMap<string, ParticipantInfo>,
  ): SimulatedParticipant {
    const rooms = this.rooms;
    const current = (): ParticipantInfo => {
      const info = clientCall(() => rooms.getParticipant(room, identity));
      // Someone who joined again with the same identity replaced this connection.
      if (info.sid !== sid) throw new StandInClientError('not_found', 'participant does not exist');
      return info;
    };
    return {
      identity,
      room,
      sid,
      info: current,
      remoteParticipants() {
        current();
        return [...known.values()].map((p) => p.clone());
      },
      publishTrack(sourceName, name) {
        const source = sourceFromName(sourceName);
        if (!canPublishSource(current().permission, source)) {
          throw new StandInClientError('permission_denied', `not allowed to publish ${sourceName}`);
        }
        return clientCall(() => rooms.publishTrack(room, identity, source, name));
      },
      unpublishTrack(trackSid) {
        current();
        clientCall(() => rooms.unpublishTrack(room, identity, trackSid));
      },
      publishData() {
        if (!current().permission?.canPublishData) {
          throw new StandInClientError('permission_denied', 'not allowed to publish data');
        }
      },
      setAttributes(attributes) {
        if (!current().permission?.canUpdateMetadata) {
          throw new StandInClientError(
            'permission_denied',
            'does not have permission to update own metadata',
          );
        }
        return clientCall(() =>
          rooms.updateParticipant(new UpdateParticipantRequest({ room, identity, attributes })),
        );
      },
      leave: () => {
        current();
        clientCall(() => rooms.removeParticipant(room, identity));
        this.connected.delete(key(room, identity));
      },
    };
  }
}

function key(room: string, identity: string): string {
  return `${room}\u0000${identity}`;
}

function clientCall<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof TwirpFailure && error.code === 'not_found') {
      throw new StandInClientError('not_found', error.message);
    }
    throw error;
  }
}
