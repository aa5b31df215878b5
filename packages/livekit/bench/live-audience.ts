/**
 * A share of the audience of `pnpm bench:live`, in a process of its own: each attendee is a room
 * connection of its own (its own peer connection) that subscribes to the presenter's camera and
 * microphone, as a browser in the room does. rtc-node gives no way to receive a video track
 * without decoding it: libwebrtc decodes every subscribed video track whether or not anyone reads
 * its frames, so the decoder's work is part of this process's CPU (no VideoStream reads them).
 */
import { dispose, type RemoteTrack, Room, RoomEvent, TrackKind } from '@livekit/rtc-node';
import { serveParent } from './child-rpc.ts';
import { type ReceivedStream, receivedStream, trackStats } from './rtc-stats.ts';

export interface AttendeeTicket {
  identity: string;
  token: string;
}

export interface AttendeeCounters {
  identity: string;
  video?: ReceivedStream;
  audio?: ReceivedStream;
}

export type AudienceCommand =
  | { type: 'join'; url: string; tickets: AttendeeTicket[]; concurrency: number; timeoutMs: number }
  | { type: 'leave'; identities: string[] }
  | { type: 'stats' }
  | { type: 'stop' };

export type AudienceReply =
  | { type: 'joined'; joined: string[]; failed: Array<{ identity: string; error: string }> }
  | { type: 'left'; left: number }
  | { type: 'stats'; attendees: AttendeeCounters[] }
  | { type: 'stopped' };

interface Attendee {
  room: Room;
  video?: RemoteTrack;
  audio?: RemoteTrack;
}

const attendees = new Map<string, Attendee>();

/** Connects one attendee and resolves once both of the presenter's tracks are subscribed. */
async function join(url: string, ticket: AttendeeTicket, timeoutMs: number): Promise<void> {
  const room = new Room();
  const attendee: Attendee = { room };
  const subscribed = new Promise<void>((resolve) => {
    room.on(RoomEvent.TrackSubscribed, (track) => {
      if (track.kind === TrackKind.KIND_VIDEO) attendee.video = track;
      if (track.kind === TrackKind.KIND_AUDIO) attendee.audio = track;
      if (attendee.video && attendee.audio) resolve();
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not subscribed within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([
      room.connect(url, ticket.token, { autoSubscribe: true, dynacast: false }).then(() => subscribed),
      timeout,
    ]);
    attendees.set(ticket.identity, attendee);
  } catch (error) {
    await room.disconnect().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function joinAll(url: string, tickets: AttendeeTicket[], concurrency: number, timeoutMs: number) {
  const joined: string[] = [];
  const failed: Array<{ identity: string; error: string }> = [];
  const queue = [...tickets];
  const worker = async () => {
    for (let ticket = queue.shift(); ticket; ticket = queue.shift()) {
      try {
        await join(url, ticket, timeoutMs);
        joined.push(ticket.identity);
      } catch (error) {
        failed.push({ identity: ticket.identity, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { joined, failed };
}

async function leave(identities: string[]): Promise<number> {
  let left = 0;
  for (const identity of identities) {
    const attendee = attendees.get(identity);
    if (!attendee) continue;
    attendees.delete(identity);
    await attendee.room.disconnect();
    left += 1;
  }
  return left;
}

async function counters(): Promise<AttendeeCounters[]> {
  const read = async (track: RemoteTrack | undefined) =>
    track ? receivedStream(await trackStats(track)) : undefined;
  return Promise.all(
    [...attendees].map(async ([identity, attendee]) => ({
      identity,
      video: await read(attendee.video),
      audio: await read(attendee.audio),
    })),
  );
}

serveParent<AudienceCommand, AudienceReply>(async (command) => {
  switch (command.type) {
    case 'join':
      return {
        type: 'joined',
        ...(await joinAll(command.url, command.tickets, command.concurrency, command.timeoutMs)),
      };
    case 'leave':
      return { type: 'left', left: await leave(command.identities) };
    case 'stats':
      return { type: 'stats', attendees: await counters() };
    case 'stop':
      await leave([...attendees.keys()]);
      await dispose();
      setImmediate(() => process.exit(0));
      return { type: 'stopped' };
  }
});
