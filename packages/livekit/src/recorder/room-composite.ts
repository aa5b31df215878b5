import { type DisconnectReason, Room, RoomEvent } from '@livekit/rtc-node';
import type { StreamEncoding } from '../broadcast/hls-output-arguments.ts';
import type { EgressEncoding } from '../stand-in/egress-encoding.ts';
import { AudioMix } from './audio-mix.ts';
import { CompositeEncoder, MIX_CHANNELS, MIX_SAMPLE_RATE } from './composite-encoder.ts';
import { RoomFeeds } from './room-feeds.ts';

export interface RoomCompositeOptions {
  /** The LiveKit server as a client dials it (ws:// or wss://). */
  url: string;
  /** A hidden subscriber's token whose identity is the egress id. */
  token: string;
  ffmpegPath: string;
  outputPath: string;
  encoding: EgressEncoding;
  audio: boolean;
  video: boolean;
  /** A broadcast: the HLS ladder, written by the same ffmpeg. */
  stream?: StreamEncoding;
  /** The room went away under the recording (it was deleted, or the recorder was removed). */
  onRoomLeft(reason: DisconnectReason): void;
  /** ffmpeg stopped before it was asked to. */
  onEncoderFailed(error: Error): void;
}

// The clock looks at the pipes this often; each look writes what the file's time owes.
const TICK_MS = 10;
// Jitter a track absorbs before it is heard, and the most it may fall behind the picture.
const PREBUFFER_FRAMES = (MIX_SAMPLE_RATE * 60) / 1000;
const MAX_BUFFERED_FRAMES = (MIX_SAMPLE_RATE * 500) / 1000;
// Samples per channel written at once (100 ms).
const AUDIO_BLOCK = MIX_SAMPLE_RATE / 10;

/**
 * One room recorded into one MP4 as LiveKit's speaker layout: the recorder joins as a hidden
 * subscriber, and a clock writes the featured picture once per frame (the last frame again when
 * nothing new came) and the mix of every audio track, so the file's time is the wall clock's.
 */
export class RoomComposite {
  /** Unix nanoseconds of the file's first frame. */
  readonly startedAt: bigint;
  private readonly startedMs = performance.now();
  private readonly timer: NodeJS.Timeout;
  private framesWritten = 0;
  private samplesWritten = 0;
  private stopping = false;

  private constructor(
    private readonly options: RoomCompositeOptions,
    private readonly room: Room,
    private readonly feeds: RoomFeeds,
    private readonly mix: AudioMix,
    private readonly encoder: CompositeEncoder,
  ) {
    this.startedAt = BigInt(Date.now()) * 1_000_000n;
    this.timer = setInterval(() => this.pump(this.elapsedMs()), TICK_MS);
    room.on(RoomEvent.Disconnected, (reason) => {
      if (!this.stopping) options.onRoomLeft(reason);
    });
    encoder.exited.catch((error: Error) => {
      if (!this.stopping) options.onEncoderFailed(error);
    });
  }

  static async start(options: RoomCompositeOptions): Promise<RoomComposite> {
    const room = new Room();
    const mix = new AudioMix({
      channels: MIX_CHANNELS,
      prebufferFrames: PREBUFFER_FRAMES,
      maxBufferedFrames: MAX_BUFFERED_FRAMES,
    });
    const feeds = new RoomFeeds(room, options.audio ? mix : null, options.encoding);
    try {
      await room.connect(options.url, options.token, { autoSubscribe: true, dynacast: false });
    } catch (error) {
      feeds.detach();
      await room.disconnect().catch(() => undefined);
      throw error;
    }
    const encoder = new CompositeEncoder(options);
    return new RoomComposite(options, room, feeds, mix, encoder);
  }

  /** The track on screen now. */
  featuredTrack(): string | undefined {
    return this.feeds.featuredTrack();
  }

  /** Ends the file at this moment; resolves with its duration in nanoseconds once it is complete. */
  async stop(): Promise<bigint> {
    if (this.stopping) throw new Error('the recording is already stopping');
    this.stopping = true;
    clearInterval(this.timer);
    const until = this.elapsedMs();
    try {
      // Each input is ended as soon as it has all it owes, so ffmpeg never waits on one for the other.
      for (;;) {
        const owed = this.pump(until);
        if (!owed.video) this.encoder.endVideo();
        if (!owed.audio) this.encoder.endAudio();
        if ((!owed.video && !owed.audio) || !this.encoder.running) break;
        await this.encoder.drained();
      }
      await this.encoder.finish();
    } finally {
      this.feeds.detach();
      await this.room.disconnect().catch(() => undefined);
    }
    return BigInt(Math.round(until * 1e6));
  }

  /** Gives up the file (a failure): ffmpeg is killed and the room left. */
  async abort(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.encoder.abort();
    this.feeds.detach();
    await this.room.disconnect().catch(() => undefined);
  }

  private elapsedMs(): number {
    return performance.now() - this.startedMs;
  }

  /** Writes what the file owes up to `untilMs` as far as the pipes take it; says what is still owed. */
  private pump(untilMs: number): { video: boolean; audio: boolean } {
    const { video, audio, encoding } = this.options;
    const framesDue = video ? Math.round((untilMs * encoding.framerate) / 1000) : 0;
    while (this.framesWritten < framesDue && this.encoder.videoReady) {
      this.encoder.writeVideo(this.feeds.currentImage());
      this.framesWritten++;
    }
    const samplesDue = audio ? Math.round((untilMs * MIX_SAMPLE_RATE) / 1000) : 0;
    while (this.samplesWritten < samplesDue && this.encoder.audioReady) {
      const frames = Math.min(AUDIO_BLOCK, samplesDue - this.samplesWritten);
      this.encoder.writeAudio(this.mix.take(frames));
      this.samplesWritten += frames;
    }
    return { video: this.framesWritten < framesDue, audio: this.samplesWritten < samplesDue };
  }
}
