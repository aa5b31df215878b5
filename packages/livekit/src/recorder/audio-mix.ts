export interface AudioMixOptions {
  /** Interleaved channels of every input and of the mix. */
  channels: number;
  /** Samples per channel a track gathers before it is heard, and again after it ran dry (jitter). */
  prebufferFrames: number;
  /** A track further behind than this loses its oldest samples, so it cannot lag the picture. */
  maxBufferedFrames: number;
}

interface TrackBuffer {
  chunks: Int16Array[];
  /** Samples of the first chunk already taken. */
  offset: number;
  /** Samples per channel waiting. */
  frames: number;
  playing: boolean;
}

/**
 * Mixes the room's audio tracks on the recording's clock: the clock takes as many samples as it
 * owes the file, each track gives what it has (silence where it has none) and the sum is clipped.
 * LiveKit's own AudioMixer waits for its inputs instead, so it goes quiet, not silent, when no one
 * speaks or publishes, and a file needs the silence written.
 */
export class AudioMix {
  private readonly tracks = new Map<string, TrackBuffer>();

  constructor(private readonly options: AudioMixOptions) {}

  add(key: string): void {
    if (!this.tracks.has(key)) this.tracks.set(key, { chunks: [], offset: 0, frames: 0, playing: false });
  }

  remove(key: string): void {
    this.tracks.delete(key);
  }

  /** Interleaved samples of one track; those of a track not added are ignored. */
  push(key: string, samples: Int16Array): void {
    const track = this.tracks.get(key);
    if (!track || samples.length === 0) return;
    track.chunks.push(samples);
    track.frames += samples.length / this.options.channels;
    if (track.frames > this.options.maxBufferedFrames)
      this.drop(track, track.frames - this.options.prebufferFrames);
  }

  /** The next `frames` samples per channel of the mix, interleaved. */
  take(frames: number): Int16Array {
    const { channels, prebufferFrames } = this.options;
    const sum = new Int32Array(frames * channels);
    for (const track of this.tracks.values()) {
      if (!track.playing && track.frames >= prebufferFrames) track.playing = true;
      if (!track.playing) continue;
      const taken = Math.min(frames, track.frames);
      this.addInto(sum, track, taken * channels);
      if (taken < frames) track.playing = false;
    }
    const mix = new Int16Array(sum.length);
    for (let i = 0; i < sum.length; i++) mix[i] = Math.max(-32768, Math.min(32767, sum[i] as number));
    return mix;
  }

  private addInto(sum: Int32Array, track: TrackBuffer, samples: number): void {
    let at = 0;
    while (at < samples) {
      const chunk = track.chunks[0] as Int16Array;
      const n = Math.min(samples - at, chunk.length - track.offset);
      for (let i = 0; i < n; i++) sum[at + i] = (sum[at + i] as number) + (chunk[track.offset + i] as number);
      at += n;
      this.consume(track, n);
    }
  }

  private drop(track: TrackBuffer, frames: number): void {
    let samples = frames * this.options.channels;
    while (samples > 0) {
      const chunk = track.chunks[0] as Int16Array;
      const n = Math.min(samples, chunk.length - track.offset);
      samples -= n;
      this.consume(track, n);
    }
  }

  private consume(track: TrackBuffer, samples: number): void {
    track.offset += samples;
    track.frames -= samples / this.options.channels;
    if (track.offset === track.chunks[0]?.length) {
      track.chunks.shift();
      track.offset = 0;
    }
  }
}
