import {
  type EgressRow,
  findLatestEgress,
  findLiveRoom,
  findRecording,
  findRoomBroadcast,
  isEgressFinal,
  type LiveRoomRow,
  listRoomParticipants,
  type Queryable,
  type RecordingRow,
  type RoomParticipantRow,
} from '@folkemote/db';
import {
  type BroadcastStatus,
  canModerate,
  canRunRoom,
  isPlayable,
  type MediaServer,
  onStageByRole,
  type RoomView,
} from '@folkemote/domain';
import type { EventActor } from '../participants/index.ts';

/** Until the pipeline reports an estimate of its own, a replay is expected this long after the room ends. */
const replayAllowanceMs = 10 * 60_000;

/** What everyone's view of the room is made from: the same for every viewer. */
export interface RoomState {
  room: LiveRoomRow | null;
  participants: RoomParticipantRow[];
  egress: EgressRow | null;
  /** The recording the finished egress became, when the room has ended and its replay is awaited. */
  recording: RecordingRow | null;
  /** The event's broadcast on the public site; null when it is not broadcast. */
  broadcast: BroadcastStatus | null;
}

/** Reads the room's state fresh from the database. */
export async function loadRoomState(db: Queryable, eventId: string): Promise<RoomState> {
  const [room, participants, egress, broadcast] = await Promise.all([
    findLiveRoom(db, eventId),
    listRoomParticipants(db, eventId),
    findLatestEgress(db, eventId),
    findRoomBroadcast(db, eventId),
  ]);
  const recording =
    room?.status === 'ended' && egress?.recordingId ? await findRecording(db, egress.recordingId) : null;
  return { room, participants, egress, recording, broadcast: broadcast?.status ?? null };
}

/** The room as `actor` sees it: hands only for those who may moderate, `me` for the actor. */
export function roomViewFor(state: RoomState, mediaServer: MediaServer, actor: EventActor): RoomView {
  const { room, participants, egress, recording } = state;
  const present = participants.filter((p) => p.removedAt === null);
  const mine = participants.find((p) => p.identity === actor.identity);
  const recordingActive = egress !== null && !isEgressFinal(egress.status);

  let replayExpectedBy: string | null = null;
  const fileExpected = egress !== null && (egress.status === 'complete' || !isEgressFinal(egress.status));
  if (room?.status === 'ended' && egress && fileExpected) {
    if (!recording || (!isPlayable(recording.state) && recording.state !== 'failed')) {
      const eta = recording?.progress?.etaSeconds;
      const from = Date.parse(egress.endedAt ?? room.endedAt ?? new Date().toISOString());
      const expected = eta ? Date.now() + eta * 1000 : from + replayAllowanceMs;
      replayExpectedBy = new Date(Math.max(expected, Date.now())).toISOString();
    }
  }

  return {
    status: room?.status ?? 'not_open',
    mediaServer,
    recording: {
      active: recordingActive,
      startedAt: recordingActive ? (egress.startedAt ?? egress.createdAt) : null,
      // LiveKit's reason is for those who run the room (and the organisation's recordings page), not the audience.
      error:
        canRunRoom(actor.role) && egress?.error && isEgressFinal(egress.status) && egress.recordingId === null
          ? egress.error
          : null,
    },
    liveAt: room?.liveAt ?? null,
    endedAt: room?.endedAt ?? null,
    replayExpectedBy,
    broadcast: canRunRoom(actor.role) ? state.broadcast : null,
    me: {
      role: actor.role,
      identity: actor.identity,
      displayName: actor.displayName,
      handRaised: mine?.handRaisedAt != null && mine.removedAt === null,
      onStage: mine ? mine.onStage && mine.removedAt === null : onStageByRole(actor.role),
    },
    hands: canModerate(actor.role)
      ? present
          .filter((p) => p.handRaisedAt !== null && !p.onStage)
          .sort((a, b) => a.handRaisedAt!.localeCompare(b.handRaisedAt!))
          .map((p) => ({ identity: p.identity, displayName: p.displayName, raisedAt: p.handRaisedAt! }))
      : [],
    stage: present
      .filter((p) => p.onStage)
      .map((p) => ({ identity: p.identity, displayName: p.displayName, role: p.role })),
  };
}

export function mediaServerOf(config: { livekit: { standIn: boolean } }): MediaServer {
  return config.livekit.standIn ? 'stand-in' : 'livekit';
}
