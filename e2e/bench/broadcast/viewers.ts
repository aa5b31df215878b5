import { BROADCAST_LIVE_PLAYLIST, BROADCAST_SEGMENT_SECONDS, broadcastRenditions } from '@folkemote/domain';
import { Agent, request } from 'undici';

export type RequestKind = 'multivariant' | 'playlist' | 'segment';

export interface ViewerRequest {
  kind: RequestKind;
  /** Date.now() when the request was sent. */
  at: number;
  ms: number;
  bytes: number;
  ok: boolean;
  /** The HTTP status, or the error's code when no answer came. */
  outcome: string;
  /** For a segment: ms from its end on the stream's clock (PDT + duration) to its last byte here. */
  ageMs?: number;
}

/** The renditions viewers pick, in the shares the brief of the bench sets (60/30/10). */
export const RENDITION_MIX: ReadonlyArray<{ name: string; share: number }> = [
  { name: broadcastRenditions[0]!.name, share: 0.6 },
  { name: broadcastRenditions[1]!.name, share: 0.3 },
  { name: broadcastRenditions[2]!.name, share: 0.1 },
];

/** hls.js starts this many segments behind the live edge (liveSyncDurationCount). */
const LIVE_SYNC_SEGMENTS = 3;

interface PlaylistEntry {
  sequence: number;
  uri: string;
  endsAt: number;
}

/** The segments of a live media playlist, with the sequence number and end time of each. */
export function parseLivePlaylist(text: string): PlaylistEntry[] {
  const entries: PlaylistEntry[] = [];
  let sequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? 0);
  let programTime = Number.NaN;
  let duration = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) programTime = Date.parse(line.slice(25));
    else if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (line && !line.startsWith('#')) {
      entries.push({ sequence, uri: line, endsAt: programTime + duration * 1000 });
      sequence += 1;
      programTime += duration * 1000;
    }
  }
  return entries;
}

function pickRendition(index: number, count: number): string {
  // Evenly spread rather than random, so each N has the mix's shares exactly (rounded).
  const position = (index + 0.5) / count;
  let sum = 0;
  for (const { name, share } of RENDITION_MIX) {
    sum += share;
    if (position < sum) return name;
  }
  return RENDITION_MIX[RENDITION_MIX.length - 1]!.name;
}

export interface ViewerRun {
  requests: ViewerRequest[];
  /** Viewers per rendition. */
  picked: Map<string, number>;
}

/**
 * N viewers of a live stream at `streamUrl` (the prefix, ending in '/'), each as hls.js plays a
 * live stream: the multivariant playlist once, then its rendition's playlist every target
 * duration (half of it when nothing changed; ±10 % jitter), each new segment once, in order,
 * starting three behind the live edge. Starts are spread over `staggerMs`; all stop at `until`.
 */
export async function runViewers(options: {
  streamUrl: string;
  viewers: number;
  staggerMs: number;
  until: number;
  connections: number;
}): Promise<ViewerRun> {
  const agent = new Agent({ connections: options.connections, keepAliveTimeout: 30_000, pipelining: 1 });
  const requests: ViewerRequest[] = [];
  const picked = new Map<string, number>();
  const fetchOnce = async (kind: RequestKind, url: string, endsAt?: number): Promise<string | null> => {
    const at = Date.now();
    const started = performance.now();
    let bytes = 0;
    let ok = false;
    let outcome = '';
    let text: string | null = null;
    try {
      const response = await request(url, { dispatcher: agent, headersTimeout: 15_000, bodyTimeout: 15_000 });
      ok = response.statusCode === 200;
      outcome = String(response.statusCode);
      if (kind === 'segment') for await (const chunk of response.body) bytes += (chunk as Buffer).byteLength;
      else {
        text = await response.body.text();
        bytes = Buffer.byteLength(text);
      }
    } catch (error) {
      ok = false;
      outcome = (error as { code?: string }).code ?? (error as Error).name;
    }
    const ms = performance.now() - started;
    const ageMs = kind === 'segment' && endsAt !== undefined ? Date.now() - endsAt : undefined;
    requests.push({ kind, at, ms, bytes, ok, outcome, ...(ageMs !== undefined ? { ageMs } : {}) });
    return ok ? text : null;
  };

  const viewer = async (index: number) => {
    await sleep((options.staggerMs * index) / options.viewers);
    if (Date.now() >= options.until) return;
    await fetchOnce('multivariant', `${options.streamUrl}${BROADCAST_LIVE_PLAYLIST}`);
    const rendition = pickRendition(index, options.viewers);
    picked.set(rendition, (picked.get(rendition) ?? 0) + 1);
    const playlistUrl = `${options.streamUrl}${rendition}/${BROADCAST_LIVE_PLAYLIST}`;
    let lastSequence = Number.NaN;
    while (Date.now() < options.until) {
      const loadStarted = Date.now();
      const text = await fetchOnce('playlist', playlistUrl);
      const entries = text ? parseLivePlaylist(text) : [];
      if (Number.isNaN(lastSequence) && entries.length > 0)
        lastSequence = entries[Math.max(0, entries.length - LIVE_SYNC_SEGMENTS - 1)]!.sequence;
      const fresh = entries.filter((entry) => entry.sequence > lastSequence);
      for (const entry of fresh) {
        if (Date.now() >= options.until) break;
        await fetchOnce('segment', `${options.streamUrl}${rendition}/${entry.uri}`, entry.endsAt);
        lastSequence = entry.sequence;
      }
      const target = BROADCAST_SEGMENT_SECONDS * 1000 * (fresh.length > 0 ? 1 : 0.5);
      const jitter = 1 + (Math.random() - 0.5) * 0.2;
      await sleep(
        Math.max(0, Math.min(target * jitter - (Date.now() - loadStarted), options.until - Date.now())),
      );
    }
  };

  try {
    await Promise.all(Array.from({ length: options.viewers }, (_, index) => viewer(index)));
  } finally {
    await agent.close();
  }
  return { requests, picked };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
