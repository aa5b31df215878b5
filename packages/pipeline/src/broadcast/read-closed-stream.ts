import type { S3Client } from '@aws-sdk/client-s3';
import { BROADCAST_VOD_PLAYLIST, type TranscodeManifest } from '@folkemote/domain';
import { objectExists, publicKeys, readObjectText } from '@folkemote/storage';
import {
  type ClosedMediaPlaylist,
  closedStreamManifest,
  parseClosedMediaPlaylist,
  parseMultivariantPlaylist,
} from './closed-stream-manifest.ts';

/** A playlist of a whole broadcast stays small (an hour of 2-second segments is ~100 kB). */
const maxPlaylistBytes = 16 * 1024 * 1024;

/** The key of a broadcast's multivariant VOD playlist, written by the egress when the stream closes. */
export function closedStreamPlaylistKey(broadcastId: string): string {
  return publicKeys.broadcastStreamPrefix(broadcastId) + BROADCAST_VOD_PLAYLIST;
}

/** Whether the egress has closed the broadcast's stream (its multivariant VOD playlist exists). */
export function isBroadcastStreamClosed(
  s3: S3Client,
  publicBucket: string,
  broadcastId: string,
  options: { signal?: AbortSignal } = {},
): Promise<boolean> {
  return objectExists(s3, publicBucket, closedStreamPlaylistKey(broadcastId), options);
}

/**
 * The closed stream of a broadcast as a quick version's manifest (paths relative to the stream's
 * prefix); null when it is not closed: no multivariant VOD playlist, or a rendition whose playlist
 * is missing or has no `#EXT-X-ENDLIST`.
 */
export async function readClosedBroadcastStream(
  s3: S3Client,
  publicBucket: string,
  broadcastId: string,
): Promise<TranscodeManifest | null> {
  const prefix = publicKeys.broadcastStreamPrefix(broadcastId);
  const read = (path: string) =>
    readObjectText(s3, publicBucket, prefix + path, { maxBytes: maxPlaylistBytes });
  const multivariant = await read(BROADCAST_VOD_PLAYLIST);
  if (multivariant === null) return null;
  const variants = parseMultivariantPlaylist(multivariant);
  const playlists = new Map<string, ClosedMediaPlaylist>();
  for (const variant of variants) {
    const text = await read(variant.playlist);
    const closed = text === null ? null : parseClosedMediaPlaylist(text, variant.playlist);
    if (!closed || closed.segments.length === 0) return null;
    playlists.set(variant.playlist, closed);
  }
  return closedStreamManifest(BROADCAST_VOD_PLAYLIST, variants, playlists);
}
