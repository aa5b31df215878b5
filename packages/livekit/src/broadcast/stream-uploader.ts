import { type FSWatcher, watch } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type S3Upload, SegmentsInfo } from '@livekit/protocol';
import { s3Location } from '../stand-in/s3-location.ts';
import { createUploadClient } from '../stand-in/upload-recording.ts';
import { type LadderRendition, ladderVariant } from './broadcast-ladder.ts';
import { LOCAL_PLAYLIST } from './hls-output-arguments.ts';
import {
  livePlaylist,
  measuredBandwidth,
  multivariantPlaylist,
  type StreamSegment,
  segmentsOfPlaylist,
  vodPlaylist,
} from './hls-playlists.ts';
import { DEFAULT_RETRY, type RetryPolicy, withRetries } from './s3-retry.ts';

export interface StreamUploaderOptions {
  /** ffmpeg's output: one folder per rendition, each with its own playlist (`LOCAL_PLAYLIST`). */
  dir: string;
  ladder: readonly LadderRendition[];
  upload: S3Upload;
  /** Where the stream goes in the bucket: `<prefix><rendition>/…`, the multivariant playlists at `<prefix>`. */
  prefix: string;
  /** The closed (VOD) playlists' name: the multivariant one and each rendition's. */
  playlistName: string;
  /** The live playlists' name. */
  livePlaylistName: string;
  segmentSeconds: number;
  windowSegments: number;
  /** Wall clock (Unix ms) of the stream's first picture. */
  startedAtMs: number;
  /** How often ffmpeg's playlists are read when no change was seen (a fallback for the watch). */
  pollMs?: number;
  retry?: RetryPolicy;
}

interface RenditionState {
  rendition: LadderRendition;
  segments: StreamSegment[];
  /** Why the last upload failed, until one succeeds. */
  failure?: string;
}

const SEGMENT_HEADERS = { ContentType: 'video/mp2t', CacheControl: 'public, max-age=31536000, immutable' };
const PLAYLIST_HEADERS = { ContentType: 'application/vnd.apple.mpegurl', CacheControl: 'public, max-age=1' };

/**
 * Puts the broadcast's ladder in the bucket as ffmpeg writes it: each finished segment (in
 * order, one rendition's after another's) before the live playlist that names it, the live
 * multivariant playlist once every rendition has a segment. A failed upload is retried with
 * backoff, then again at the next look, so the playlists never name a segment the bucket lacks.
 * `close` lists every segment as closed VOD playlists and answers Egress's SegmentsInfo.
 */
export class StreamUploader {
  private readonly client: S3Client;
  private readonly renditions: RenditionState[];
  private readonly watchers: FSWatcher[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private liveMultivariantPut = false;
  private bytes = 0;

  constructor(private readonly options: StreamUploaderOptions) {
    this.client = createUploadClient(options.upload);
    this.renditions = options.ladder.map((rendition) => ({ rendition, segments: [] }));
  }

  /** Starts watching ffmpeg's playlists (their folders must exist). */
  start(): void {
    for (const { rendition } of this.renditions) {
      const folder = path.join(this.options.dir, rendition.name);
      const watcher = watch(folder, (_event, name) => {
        if (name === LOCAL_PLAYLIST) void this.look();
      });
      watcher.on('error', () => undefined);
      this.watchers.push(watcher);
    }
    this.timer = setInterval(() => void this.look(), this.options.pollMs ?? 1000);
  }

  /** Segments uploaded so far, per rendition. */
  uploaded(): Record<string, number> {
    return Object.fromEntries(this.renditions.map((r) => [r.rendition.name, r.segments.length]));
  }

  /**
   * After ffmpeg has finished: uploads what is left, closes the live playlists (EXT-X-ENDLIST),
   * then writes each rendition's VOD playlist and, last, the VOD multivariant playlist.
   */
  async close(endedAtMs: number): Promise<SegmentsInfo> {
    this.stopWatching();
    await this.running;
    try {
      await this.uploadNew();
      const failed = this.renditions.find((r) => r.failure !== undefined);
      if (failed)
        throw new Error(`the ${failed.rendition.name} segments could not be uploaded: ${failed.failure}`);
      await this.closeStream();
    } finally {
      this.client.destroy();
    }
    return this.segmentsInfo(endedAtMs);
  }

  /** Gives up (the recording failed): no more uploads. */
  async abandon(): Promise<void> {
    this.stopWatching();
    await this.running;
    this.client.destroy();
  }

  private stopWatching(): void {
    clearInterval(this.timer);
    for (const watcher of this.watchers) watcher.close();
  }

  /** One look at a time; a change seen meanwhile gets another look right after. */
  private look(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.uploadNew();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async uploadNew(): Promise<void> {
    await Promise.all(this.renditions.map((state) => this.uploadRendition(state)));
    if (!this.liveMultivariantPut && this.renditions.every((r) => r.segments.length > 0)) {
      await this.putLiveMultivariant().catch(() => undefined);
    }
  }

  private async uploadRendition(state: RenditionState): Promise<void> {
    const folder = path.join(this.options.dir, state.rendition.name);
    const listed = segmentsOfPlaylist(
      await readFile(path.join(folder, LOCAL_PLAYLIST), 'utf8').catch(() => ''),
    );
    const fresh = listed.slice(state.segments.length);
    if (fresh.length === 0 && state.failure === undefined) return;
    try {
      for (const segment of fresh) {
        const body = await readFile(path.join(folder, segment.uri));
        await this.put(this.key(state, segment.uri), body, SEGMENT_HEADERS);
        const previous = state.segments[state.segments.length - 1];
        const startedAtMs = previous
          ? previous.startedAtMs + previous.seconds * 1000
          : this.options.startedAtMs;
        state.segments.push({ ...segment, startedAtMs, bytes: body.byteLength });
        this.bytes += body.byteLength;
        // In the bucket now: an hours-long broadcast need not keep its stream on this disk too.
        await rm(path.join(folder, segment.uri), { force: true });
      }
      await this.putPlaylist(this.key(state, this.options.livePlaylistName), this.live(state, false));
      state.failure = undefined;
    } catch (error) {
      state.failure = error instanceof Error ? error.message : String(error);
    }
  }

  private async closeStream(): Promise<void> {
    for (const state of this.renditions) {
      await this.putPlaylist(this.key(state, this.options.livePlaylistName), this.live(state, true));
    }
    if (!this.liveMultivariantPut) await this.putLiveMultivariant();
    for (const state of this.renditions) {
      const text = vodPlaylist(state.segments, this.options.segmentSeconds);
      await this.putPlaylist(this.key(state, this.options.playlistName), text);
    }
    const variants = this.renditions.map((state) =>
      ladderVariant(
        state.rendition,
        this.options.playlistName,
        measuredBandwidth(state.segments, this.options.segmentSeconds),
      ),
    );
    await this.putPlaylist(
      `${this.options.prefix}${this.options.playlistName}`,
      multivariantPlaylist(variants),
    );
  }

  private async putLiveMultivariant(): Promise<void> {
    const variants = this.renditions.map((s) => ladderVariant(s.rendition, this.options.livePlaylistName));
    await this.putPlaylist(
      `${this.options.prefix}${this.options.livePlaylistName}`,
      multivariantPlaylist(variants),
    );
    this.liveMultivariantPut = true;
  }

  private live(state: RenditionState, ended: boolean): string {
    const { segmentSeconds, windowSegments } = this.options;
    return livePlaylist(state.segments, { segmentSeconds, windowSegments, ended });
  }

  private key(state: RenditionState, name: string): string {
    return `${this.options.prefix}${state.rendition.name}/${name}`;
  }

  private putPlaylist(key: string, text: string): Promise<void> {
    return this.put(key, text, PLAYLIST_HEADERS);
  }

  private async put(
    key: string,
    body: Uint8Array | string,
    headers: { ContentType: string; CacheControl: string },
  ): Promise<void> {
    const { bucket } = this.options.upload;
    await withRetries(
      () => this.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...headers })),
      this.options.retry ?? DEFAULT_RETRY,
    );
  }

  private segmentsInfo(endedAtMs: number): SegmentsInfo {
    const { prefix, playlistName, livePlaylistName, upload, startedAtMs } = this.options;
    // The top rendition's segments stand for the stream (every rendition is cut at the same times).
    const top = this.renditions[0]?.segments ?? [];
    const seconds = top.reduce((sum, s) => sum + s.seconds, 0);
    return new SegmentsInfo({
      playlistName: `${prefix}${playlistName}`,
      livePlaylistName: `${prefix}${livePlaylistName}`,
      playlistLocation: s3Location(upload, `${prefix}${playlistName}`),
      livePlaylistLocation: s3Location(upload, `${prefix}${livePlaylistName}`),
      duration: BigInt(Math.round(seconds * 1e9)),
      size: BigInt(this.bytes),
      segmentCount: BigInt(top.length),
      startedAt: BigInt(Math.round(startedAtMs)) * 1_000_000n,
      endedAt: BigInt(Math.round(endedAtMs)) * 1_000_000n,
    });
  }
}
