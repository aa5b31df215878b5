import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Rendition } from '@folkemote/domain';
import { readInitCodecs } from './codec-strings.ts';
import {
  computeSegmentRates,
  type MasterAudio,
  type MasterVariant,
  parseMediaPlaylist,
} from './hls-playlists.ts';

export interface WrittenRendition {
  name: string;
  kind: 'video' | 'audio';
  /** Media playlist, relative to the output directory. */
  playlist: string;
  copied: boolean;
  width?: number;
  height?: number;
  frameRate?: number;
  channels?: number;
}

/**
 * Measures a rendition as written: segment sizes give BANDWIDTH (peak) and AVERAGE-BANDWIDTH,
 * the init segment gives the exact codec string.
 */
export async function describeRendition(outDir: string, written: WrittenRendition): Promise<Rendition> {
  const playlistFile = join(outDir, written.playlist);
  const playlist = parseMediaPlaylist(await readFile(playlistFile, 'utf8'));
  if (playlist.segments.length === 0) throw new Error(`The ${written.name} rendition has no segments`);
  const dir = dirname(playlistFile);
  const segments = await Promise.all(
    playlist.segments.map(async (s) => ({
      duration: s.duration,
      bytes: (await stat(join(dir, s.uri))).size,
    })),
  );
  const rates = computeSegmentRates(segments);
  const codecs = playlist.mapUri
    ? await readInitCodecs(join(dir, playlist.mapUri))
    : { video: null, audio: null };
  const codec = written.kind === 'video' ? (codecs.video ?? 'avc1.640028') : (codecs.audio ?? 'mp4a.40.2');
  return {
    name: written.name,
    kind: written.kind,
    ...(written.width ? { width: written.width, height: written.height } : {}),
    ...(written.frameRate ? { frameRate: Math.round(written.frameRate * 1000) / 1000 } : {}),
    bandwidth: rates.bandwidth,
    averageBandwidth: rates.averageBandwidth,
    codecs: codec,
    playlist: written.playlist,
    copied: written.copied,
  };
}

export function toMasterVariant(r: Rendition): MasterVariant {
  return {
    playlist: r.playlist,
    bandwidth: r.bandwidth,
    averageBandwidth: r.averageBandwidth,
    codecs: [r.codecs],
    width: r.width,
    height: r.height,
    frameRate: r.frameRate,
  };
}

export function toMasterAudio(r: Rendition, channels: number): MasterAudio {
  return {
    playlist: r.playlist,
    bandwidth: r.bandwidth,
    averageBandwidth: r.averageBandwidth,
    codec: r.codecs,
    channels,
    name: 'Lyd',
  };
}
