import { open, stat } from 'node:fs/promises';
import { z } from 'zod';
import { analysePackets, type PacketAnalysis, type PacketInfo, parsePacketLine } from './analyse-packets.ts';
import { UnusableMediaError } from './errors.ts';
import { fileEndsInsideIsoBox } from './iso-boxes.ts';
import type { AudioProbe, MediaProbe, VideoProbe } from './probe-types.ts';
import {
  describeRefusedFormat,
  type MediaFile,
  recordingDemuxer,
  refusedDemuxerIn,
} from './recording-formats.ts';
import { runFfprobe } from './run-ffprobe.ts';
import { absoluteSpan, relativeSpans, type StreamSpan } from './stream-spans.ts';

const ffprobeStreamSchema = z.looseObject({
  index: z.number().int(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  profile: z.string().optional(),
  pix_fmt: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  sample_aspect_ratio: z.string().optional(),
  r_frame_rate: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  bit_rate: z.string().optional(),
  channels: z.number().int().optional(),
  channel_layout: z.string().optional(),
  sample_rate: z.string().optional(),
  duration: z.string().optional(),
  disposition: z.looseObject({ attached_pic: z.number().optional() }).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  side_data_list: z
    .array(z.looseObject({ side_data_type: z.string().optional(), rotation: z.number().optional() }))
    .optional(),
});
type FfprobeStream = z.infer<typeof ffprobeStreamSchema>;

const ffprobeOutputSchema = z.object({
  streams: z.array(ffprobeStreamSchema).default([]),
  format: z.looseObject({
    format_name: z.string(),
    duration: z.string().optional(),
    start_time: z.string().optional(),
    size: z.string().optional(),
    bit_rate: z.string().optional(),
  }),
});
export type FfprobeOutput = z.infer<typeof ffprobeOutputSchema>;

/** Codecs ffprobe reports as "video" that are no recording: terminal art, subtitles-as-images. */
const NON_RECORDING_VIDEO_CODECS = new Set(['ansi', 'bintext', 'xbin', 'idf', 'tty']);

export interface ProbeOptions {
  signal?: AbortSignal;
  /**
   * 'full' (the default) reads every packet of the primary stream: keyframes, frame-rate
   * regularity, bit-rate peaks. 'edges' reads the first packets and the last seconds only:
   * stream facts, the B-frame delay and proof that the file is whole, in a fraction of a
   * second even for hours — what a stream copy needs, not what the ladder's copy decision
   * needs. A file whose end does not read back gets the full scan, so a truncated file is
   * described just as precisely.
   */
  packets?: 'full' | 'edges';
}

/** A recording shorter than this has no duration to speak of. */
const MIN_DURATION_SECONDS = 0.05;

/** Packets read at the start of the primary stream by an 'edges' probe: enough for the decode delay. */
const EDGE_HEAD_PACKETS = 64;
/** Seconds read at the end by an 'edges' probe. */
const EDGE_TAIL_SECONDS = 10;

/**
 * Probes a source with ffprobe: container, streams, rotation, frame rate, keyframe layout
 * and bit-rate peaks. The keyframe scan reads packet headers only (no decoding), so it costs
 * about as much as reading the file once.
 *
 * Only a recording's own containers are opened (see recording-formats.ts): a playlist, manifest,
 * list or image sequence is refused before ffprobe reads anything it names, and the packet
 * scans read the file with the demuxer the first look found.
 *
 * @throws UnusableMediaError with a reason for the organiser when the file is empty, truncated,
 *   not media, in a container a recording may not be in, has neither audio nor video, or has
 *   no duration.
 */
export async function probeMedia(input: string, options: ProbeOptions = {}): Promise<MediaProbe> {
  const size = await statSource(input);
  const result = await runFfprobe(
    { path: input, demuxer: null },
    ['-v', 'error', '-show_format', '-show_streams', '-of', 'json'],
    { signal: options.signal },
  );
  if (result.exitCode !== 0) throw new UnusableMediaError(await explainProbeFailure(input, result.stderr));

  const parsed = ffprobeOutputSchema.safeParse(safeJson(result.stdout));
  if (!parsed.success) throw new UnusableMediaError('The file is not a video or audio recording');
  const { probe: base, declaredDuration } = await describeWholeStreams(parsed.data, input, size);
  const source: MediaFile = { path: input, demuxer: recordingDemuxer(base.container) };
  const indices = [base.video?.index, base.audio?.index].filter((i): i is number => i !== undefined);

  // The packets of the picture and the sound show truncation, where each stream lies, and (the
  // primary stream's) keyframes and frame-rate regularity. A file streamed without a duration
  // in its header (a live recorder's WebM, a piped MPEG-TS) gets its length from them.
  if (options.packets === 'edges' && declaredDuration !== null && declaredDuration > EDGE_TAIL_SECONDS * 2) {
    const tailFrom = num(parsed.data.format.start_time) ?? 0;
    const intervals = `%+#${EDGE_HEAD_PACKETS},${(tailFrom + declaredDuration - EDGE_TAIL_SECONDS).toFixed(3)}%`;
    const edges = await scanPackets(source, indices, intervals, options.signal);
    const facts = packetFacts(base, edges.packets, declaredDuration);
    // A stream first met in the tail (a picture that starts late) is not known from its edges.
    const tailStart = declaredDuration - EDGE_TAIL_SECONDS - 1;
    const headSeen = [facts.video, facts.audio].every((span) => span === null || span.start < tailStart);
    if (edges.exitCode === 0 && headSeen && describeTruncation(edges.stderr, facts) === null) {
      return withFacts(base, facts, null, 'edges');
    }
  }

  const scan = await scanPackets(source, indices, null, options.signal);
  const facts = packetFacts(base, scan.packets, declaredDuration);
  const truncation = describeTruncation(scan.stderr, facts);
  if (truncation) throw new UnusableMediaError(truncation);
  if (scan.exitCode !== 0) throw new UnusableMediaError('The file could not be read to the end');
  return withFacts(base, facts, analysePackets(facts.primaryPackets, facts.primaryDuration), 'full');
}

interface PacketFacts {
  primaryPackets: PacketInfo[];
  /** The primary stream's own length, for the tail after its last keyframe. */
  primaryDuration: number;
  video: StreamSpan | null;
  audio: StreamSpan | null;
  /** Where the last packet of either stream ends, from the first. */
  contentEnd: number;
  /** The duration the header declares, or null for a file streamed without one. */
  declared: number | null;
  packetCount: number;
}

function packetFacts(
  base: MediaProbe,
  byStream: Map<number, PacketInfo[]>,
  declared: number | null,
): PacketFacts {
  const videoPackets = base.video ? (byStream.get(base.video.index) ?? []) : [];
  const audioPackets = base.audio ? (byStream.get(base.audio.index) ?? []) : [];
  const { spans, contentEnd } = relativeSpans([absoluteSpan(videoPackets), absoluteSpan(audioPackets)]);
  const primary = base.video ? spans[0] : spans[1];
  return {
    primaryPackets: base.video ? videoPackets : audioPackets,
    primaryDuration: primary ? primary.end - primary.start : 0,
    video: spans[0] ?? null,
    audio: spans[1] ?? null,
    contentEnd,
    declared,
    packetCount: videoPackets.length + audioPackets.length,
  };
}

function withFacts(
  base: MediaProbe,
  facts: PacketFacts,
  analysis: PacketAnalysis | null,
  packetScan: 'full' | 'edges',
): MediaProbe {
  const durationSeconds = facts.declared ?? facts.contentEnd;
  if (!(durationSeconds > MIN_DURATION_SECONDS))
    throw new UnusableMediaError('The recording has zero duration');
  const audio: AudioProbe | null = base.audio ? { ...base.audio, ...spanOf(facts.audio) } : null;
  if (!base.video) return { ...base, durationSeconds, audio, packetScan };
  const video: VideoProbe = { ...base.video, ...spanOf(facts.video) };
  if (analysis) {
    Object.assign(video, {
      keyframeTimes: analysis.keyframeTimes,
      decodeDelaySeconds: analysis.decodeDelaySeconds,
      maxKeyframeIntervalSeconds: analysis.maxKeyframeIntervalSeconds,
      variableFrameRate: analysis.variableFrameRate,
      bitRate: base.video.bitRate ?? analysis.bitRate,
      peakBitRates: analysis.peakBitRates,
      longestGapSeconds: analysis.longestGapSeconds,
    });
  } else {
    video.decodeDelaySeconds = analysePackets(facts.primaryPackets, facts.primaryDuration).decodeDelaySeconds;
  }
  return { ...base, durationSeconds, video, audio, packetScan };
}

function spanOf(span: StreamSpan | null): { span?: StreamSpan } {
  return span ? { span } : {};
}

/** The packets of the picture and the sound, all of them or those in ffprobe `-read_intervals`, by stream. */
async function scanPackets(
  source: MediaFile,
  streamIndices: number[],
  intervals: string | null,
  signal: AbortSignal | undefined,
): Promise<{ packets: Map<number, PacketInfo[]>; stderr: string; exitCode: number | null }> {
  const packets = new Map<number, PacketInfo[]>(streamIndices.map((i) => [i, []]));
  const result = await runFfprobe(
    source,
    [
      '-v',
      'error',
      ...(intervals ? ['-read_intervals', intervals] : []),
      '-show_entries',
      'packet=stream_index,pts_time,dts_time,duration_time,size,flags',
      '-of',
      'compact=p=0',
    ],
    {
      signal,
      onLine: (line) => {
        const index = /(?:^|\|)stream_index=(\d+)/.exec(line);
        const list = index ? packets.get(Number(index[1])) : undefined;
        if (!list) return;
        const packet = parsePacketLine(line);
        if (packet) list.push(packet);
      },
    },
  );
  return { packets, stderr: result.stderr, exitCode: result.exitCode };
}

async function statSource(input: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(input);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UnusableMediaError('The file does not exist');
    throw err;
  }
  if (!info.isFile()) throw new UnusableMediaError('The path is not a file');
  if (info.size === 0) throw new UnusableMediaError('The file is empty');
  return info.size;
}

/** Turns ffprobe's complaint about a file into a reason an organiser can act on. */
async function explainProbeFailure(input: string, stderr: string): Promise<string> {
  const refused = refusedDemuxerIn(stderr);
  if (refused) return describeRefusedFormat(refused);
  if (/moov atom not found/i.test(stderr)) {
    // A text file named .mp4 gets the same complaint; only a real MP4 start means "unfinished".
    if (await startsLikeIsoMedia(input)) {
      return 'The file is truncated: the MP4 index (moov atom) is missing, so the recording was not finished';
    }
    return 'The file is not a video or audio recording';
  }
  if (/partial file|truncat|end of file|unexpected eof/i.test(stderr)) {
    return 'The file is truncated: it ends before the recording does';
  }
  if (/Permission denied/i.test(stderr)) return 'The file cannot be read (permission denied)';
  return 'The file is not a video or audio recording';
}

async function startsLikeIsoMedia(input: string): Promise<boolean> {
  const handle = await open(input, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(12), 0, 12, 0);
    if (bytesRead < 8) return false;
    return ['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].includes(buffer.toString('latin1', 4, 8));
  } finally {
    await handle.close();
  }
}

/**
 * describeStreams, except that an MP4 cut inside its index is called that: ffprobe reads what
 * there is of the index and reports a stream without a picture size, or none at all.
 */
async function describeWholeStreams(
  data: FfprobeOutput,
  input: string,
  size: number,
): Promise<{ probe: MediaProbe; declaredDuration: number | null }> {
  try {
    return describeStreamFacts(data, size);
  } catch (err) {
    if (
      err instanceof UnusableMediaError &&
      recordingDemuxer(data.format.format_name) === 'mov' &&
      (await fileEndsInsideIsoBox(input, size))
    )
      throw new UnusableMediaError('The file is truncated: the MP4 index (moov atom) is cut off');
    throw err;
  }
}

/** Stream and format facts without the packet scan. Throws UnusableMediaError for non-recordings. */
export function describeStreams(data: FfprobeOutput, sizeBytes: number): MediaProbe {
  const { probe, declaredDuration } = describeStreamFacts(data, sizeBytes);
  if (declaredDuration === null) throw new UnusableMediaError('The recording has zero duration');
  return probe;
}

/**
 * Stream and format facts, and the duration the file declares: null for a file streamed with
 * none in its header (the packets tell it then; `probe.durationSeconds` is 0 until they do).
 */
function describeStreamFacts(
  data: FfprobeOutput,
  sizeBytes: number,
): { probe: MediaProbe; declaredDuration: number | null } {
  const format = data.format;
  // Checked again here, whatever ffprobe was told: a stored probe never names another container.
  recordingDemuxer(format.format_name);
  const videoStream = data.streams.find(
    (s) =>
      s.codec_type === 'video' &&
      s.disposition?.attached_pic !== 1 &&
      !NON_RECORDING_VIDEO_CODECS.has(s.codec_name ?? ''),
  );
  const audioStream = data.streams.find((s) => s.codec_type === 'audio' && (s.channels ?? 0) > 0);

  if (data.streams.some((s) => s.codec_name === 'ansi')) {
    throw new UnusableMediaError('The file is not a video or audio recording');
  }
  if (!videoStream && !audioStream) throw new UnusableMediaError('The file contains neither video nor audio');

  const durationSeconds = firstFinite(
    num(format.duration),
    num(videoStream?.duration),
    num(audioStream?.duration),
  );
  const declaredDuration =
    durationSeconds !== null && durationSeconds > MIN_DURATION_SECONDS ? durationSeconds : null;
  const probe: MediaProbe = {
    durationSeconds: declaredDuration ?? 0,
    container: format.format_name,
    sizeBytes,
    bitRate: int(format.bit_rate),
    video: videoStream ? describeVideo(videoStream) : null,
    audio: audioStream ? describeAudio(audioStream) : null,
  };
  return { probe, declaredDuration };
}

function describeVideo(s: FfprobeStream): VideoProbe {
  const width = s.width ?? 0;
  const height = s.height ?? 0;
  if (!(width > 0 && height > 0)) throw new UnusableMediaError('The video has no picture size');
  const rotation = rotationOf(s);
  const sar = parseRatio(s.sample_aspect_ratio) ?? 1;
  const sampleAspectRatio = sar > 0 ? sar : 1;
  // Non-square pixels widen (or narrow) the picture; rotation then swaps the sides.
  const shownWidth = Math.round(width * sampleAspectRatio);
  const turned = rotation === 90 || rotation === 270;
  return {
    index: s.index,
    codec: s.codec_name ?? 'unknown',
    profile: s.profile ?? null,
    pixFmt: s.pix_fmt ?? null,
    width,
    height,
    displayWidth: turned ? height : shownWidth,
    displayHeight: turned ? shownWidth : height,
    rotation,
    sampleAspectRatio,
    avgFrameRate: parseRatio(s.avg_frame_rate),
    rFrameRate: parseRatio(s.r_frame_rate),
    variableFrameRate: false,
    keyframeTimes: [],
    decodeDelaySeconds: 0,
    maxKeyframeIntervalSeconds: 0,
    bitRate: int(s.bit_rate),
    peakBitRates: [],
  };
}

function describeAudio(s: FfprobeStream): AudioProbe {
  return {
    index: s.index,
    codec: s.codec_name ?? 'unknown',
    profile: s.profile ?? null,
    channels: s.channels ?? 0,
    channelLayout: s.channel_layout ?? null,
    sampleRate: int(s.sample_rate) ?? 0,
    bitRate: int(s.bit_rate),
  };
}

/**
 * Clockwise turn needed for display. ffprobe reports the display matrix as a
 * counter-clockwise angle; the legacy `rotate` tag is already clockwise.
 */
export function rotationOf(s: Pick<FfprobeStream, 'side_data_list' | 'tags'>): 0 | 90 | 180 | 270 {
  const matrix = s.side_data_list?.find(
    (d) => d.side_data_type === 'Display Matrix' && d.rotation !== undefined,
  );
  let clockwise = 0;
  if (matrix?.rotation !== undefined) clockwise = -matrix.rotation;
  else if (s.tags?.rotate !== undefined) clockwise = Number(s.tags.rotate) || 0;
  const normalised = (((Math.round(clockwise / 90) * 90) % 360) + 360) % 360;
  return normalised as 0 | 90 | 180 | 270;
}

/**
 * A file is truncated when its container is cut short: the packets of its streams, the last
 * of them included, stop well before the duration its header declares, or the demuxer met
 * the end of the file inside a packet. A picture that ends before the sound (a camera turned
 * off) is a whole recording.
 */
function describeTruncation(stderr: string, facts: PacketFacts): string | null {
  if (facts.packetCount === 0) return 'The file is truncated: it holds no media data';
  const declared = facts.declared;
  const cutShort = declared !== null && declared - facts.contentEnd > Math.max(1, declared * 0.02);
  if (cutShort) {
    return `The file is truncated: it stops after ${formatClock(facts.contentEnd)} of ${formatClock(declared)}`;
  }
  if (/partial file/i.test(stderr)) return 'The file is truncated: it ends before the recording does';
  return null;
}

export function parseRatio(value: string | undefined): number | null {
  if (!value) return null;
  const [a, b] = value.split(/[/:]/).map(Number);
  if (a === undefined || !Number.isFinite(a)) return null;
  if (b === undefined) return a;
  if (!Number.isFinite(b) || b === 0 || a === 0) return null;
  return a / b;
}

function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

function num(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function int(value: string | undefined): number | null {
  const n = num(value);
  return n === null ? null : Math.round(n);
}

function firstFinite(...values: (number | null)[]): number | null {
  return values.find((v) => v !== null) ?? null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
