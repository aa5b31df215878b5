import { z } from 'zod';

/**
 * A broadcast: an event marked "broadcast" is streamed live as HLS into the public bucket under
 * its replay address (`replays/<broadcastId>/`), and that address becomes the recording's replay
 * when it ends. The broadcast id is reserved with the event's broadcast and becomes the id of the
 * recording made from its egress, so the address never changes.
 */
export const broadcastStatuses = ['scheduled', 'live', 'ended'] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];

/** Seconds per HLS segment of the live stream. */
export const BROADCAST_SEGMENT_SECONDS = 2;
/** How far back a viewer may seek in the live stream (the live playlist's window). */
export const BROADCAST_DVR_WINDOW_SECONDS = 30 * 60;

export interface BroadcastRendition {
  /** The rendition's folder under the stream's prefix. */
  name: string;
  /** Absent for the audio-only rendition. */
  video?: { width: number; height: number; kbps: number };
  audioKbps: number;
}

/** The ladder: two pictures and sound alone, for a viewer with one bar of signal. */
export const broadcastRenditions: readonly BroadcastRendition[] = [
  { name: '720p', video: { width: 1280, height: 720, kbps: 2500 }, audioKbps: 128 },
  { name: '360p', video: { width: 640, height: 360, kbps: 700 }, audioKbps: 96 },
  { name: 'audio', audioKbps: 64 },
];

/** The multivariant playlist of the live stream (the window), relative to the stream's prefix. */
export const BROADCAST_LIVE_PLAYLIST = 'live.m3u8';
/** The multivariant playlist of the whole broadcast, closed as VOD when it ends. */
export const BROADCAST_VOD_PLAYLIST = 'index.m3u8';

/**
 * What the live page reads from `replays/<id>/broadcast.json` (cached for a second or two), so it
 * needs no API: `held` is an ended broadcast whose organiser reviews before publishing (nothing of
 * the stream is reachable); `replay` the one that plays from the start at the same address.
 */
export const broadcastManifestSchema = z
  .object({
    state: z.enum(['scheduled', 'live', 'ended', 'held']),
    title: z.string(),
    language: z.enum(['nb', 'nn', 'en']),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    liveSince: z.iso.datetime({ offset: true }).nullable(),
    endedAt: z.iso.datetime({ offset: true }).nullable(),
    /** Relative to the replay address: the live multivariant playlist while live, else null. */
    live: z.string().nullable(),
    /** Relative to the replay address: the closed VOD playlist once ended and public, else null. */
    replay: z.string().nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type BroadcastManifest = z.infer<typeof broadcastManifestSchema>;

/**
 * `replays/<id>/highlight.json`, rewritten by the API on each highlight: the question being
 * answered, its text only (never who asked), or null.
 */
export const broadcastHighlightSchema = z
  .object({
    question: z.object({ id: z.uuid(), text: z.string() }).strict().nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type BroadcastHighlight = z.infer<typeof broadcastHighlightSchema>;
