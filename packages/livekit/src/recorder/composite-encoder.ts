import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { hlsOutputArguments, type StreamEncoding } from '../broadcast/hls-output-arguments.ts';
import type { EgressEncoding } from '../stand-in/egress-encoding.ts';

/** What the room gives the encoder: 48 kHz stereo, the rate WebRTC decodes Opus at. */
export const MIX_SAMPLE_RATE = 48_000;
export const MIX_CHANNELS = 2;

export interface CompositeEncoderOptions {
  ffmpegPath: string;
  outputPath: string;
  encoding: EgressEncoding;
  video: boolean;
  audio: boolean;
  /** A broadcast: the HLS ladder, from the same inputs in the same ffmpeg. */
  stream?: StreamEncoding;
}

/**
 * One ffmpeg writing the recording: PGMYUV images on one pipe (each resized to the preset's
 * canvas), s16le samples on another, H.264 and AAC into an MP4 whose index is at the
 * front (and, for a broadcast, the HLS ladder from the same pipes). The caller keeps the clock: it writes one image per frame of the file and as many samples
 * as the file's time needs, so the file runs at a constant rate whatever arrives.
 */
export class CompositeEncoder {
  readonly exited: Promise<void>;
  private readonly child: ChildProcess;
  private readonly videoPipe: Writable | null;
  private readonly audioPipe: Writable | null;
  private stderr = '';
  private closed = false;

  constructor(options: CompositeEncoderOptions) {
    this.child = spawn(options.ffmpegPath, ffmpegArguments(options), {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-2000);
    });
    this.videoPipe = options.video ? (this.child.stdio[3] as Writable) : null;
    this.audioPipe = options.audio ? (this.child.stdio[4] as Writable) : null;
    if (!options.video) (this.child.stdio[3] as Writable).end();
    if (!options.audio) (this.child.stdio[4] as Writable).end();
    // A pipe breaks when ffmpeg dies; `exited` tells why.
    for (const pipe of [this.child.stdio[3], this.child.stdio[4]]) pipe?.on('error', () => undefined);
    this.exited = new Promise((resolve, reject) => {
      this.child.once('error', reject);
      this.child.once('close', (code, signal) => {
        this.closed = true;
        if (code === 0) resolve();
        else reject(new Error(`ffmpeg exited with ${signal ?? `code ${code}`}: ${this.stderr.trim()}`));
      });
    });
    this.exited.catch(() => undefined);
  }

  /** False once ffmpeg has exited, for whatever reason. */
  get running(): boolean {
    return !this.closed;
  }

  /** False while ffmpeg has not read what was written: the frame is owed, not queued. */
  get videoReady(): boolean {
    return this.videoPipe !== null && !this.videoPipe.writableNeedDrain && this.videoPipe.writable;
  }

  get audioReady(): boolean {
    return this.audioPipe !== null && !this.audioPipe.writableNeedDrain && this.audioPipe.writable;
  }

  writeVideo(image: Uint8Array): void {
    this.videoPipe?.write(image);
  }

  writeAudio(samples: Int16Array): void {
    this.audioPipe?.write(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
  }

  /** Resolves when either pipe can take more (or ffmpeg has gone). */
  async drained(): Promise<void> {
    const waiting = [this.videoPipe, this.audioPipe]
      .filter((pipe): pipe is Writable => pipe?.writableNeedDrain === true)
      .map((pipe) => once(pipe, 'drain').catch(() => undefined));
    if (waiting.length === 0) return;
    await Promise.race([...waiting, this.exited.catch(() => undefined)]);
  }

  /** No more pictures: ffmpeg may go on with the sound (and the other way round). */
  endVideo(): void {
    this.videoPipe?.end();
  }

  endAudio(): void {
    this.audioPipe?.end();
  }

  /** Ends both inputs and waits for the file to be complete. */
  async finish(): Promise<void> {
    this.videoPipe?.end();
    this.audioPipe?.end();
    await this.exited;
  }

  abort(): void {
    this.child.kill('SIGKILL');
  }
}

export function ffmpegArguments(options: CompositeEncoderOptions): string[] {
  const { width, height, framerate, videoBitrateKbps: rate } = options.encoding;
  // Only the pipes we hand it and the file it writes: no URL in the input can reach further.
  const whitelist = ['-protocol_whitelist', 'pipe,file'];
  // ffmpeg opens its inputs one after the other, and would read seconds of pictures to learn what
  // the options already say, leaving the sound unread meanwhile: one packet tells it enough.
  const noProbing = ['-probesize', '32', '-analyzeduration', '0'];
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];
  if (options.video) {
    // Each image may have another size; the scaler follows it by itself, rather than ffmpeg tearing
    // down and rebuilding the whole filter graph (and the encoder's input) at every layout switch.
    args.push(...whitelist, ...noProbing, '-reinit_filter', '0');
    args.push('-f', 'image2pipe', '-framerate', String(framerate));
    args.push('-c:v', 'pgmyuv');
    args.push('-thread_queue_size', '64', '-i', 'pipe:3');
  }
  if (options.audio) {
    args.push(...whitelist, ...noProbing);
    args.push('-f', 's16le', '-ar', String(MIX_SAMPLE_RATE), '-ac', String(MIX_CHANNELS));
    args.push('-thread_queue_size', '1024', '-i', 'pipe:4');
  }
  if (options.video) {
    // The images come in the canvas's shape already (see toPgmYuv): resizing is all that is left.
    args.push('-vf', `scale=${width}:${height},setsar=1,format=yuv420p`);
    // ultrafast: the picture is encoded as it happens, on whatever cores the machine has left.
    args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-profile:v', 'high', '-pix_fmt', 'yuv420p');
    args.push(
      '-b:v',
      `${rate}k`,
      '-maxrate',
      `${rate}k`,
      '-bufsize',
      `${rate * 2}k`,
      '-g',
      String(framerate * 2),
    );
  }
  if (options.audio) args.push('-c:a', 'aac', '-b:a', '128k', '-ar', '44100', '-ac', '2');
  args.push(...whitelist, '-movflags', '+faststart', '-f', 'mp4', options.outputPath);
  if (options.stream) args.push(...hlsOutputArguments(options.stream));
  return args;
}
