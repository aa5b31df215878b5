import { AUDIO_CODEC_BITRATE, type VideoEncoderSettings } from './encoder-settings.ts';
import { type FfmpegInvocation, QUIET_WITH_PROGRESS } from './ffmpeg-invocation.ts';
import { ENCODED_KEYFRAME_SECONDS } from './plan-segments.ts';
import { type SpritePlan, spriteFilter } from './plan-sprite.ts';
import type { MediaFile } from './recording-formats.ts';
import type { PlannedRendition } from './select-ladder.ts';

export interface VideoRenditionPlan extends PlannedRendition {
  copy: boolean;
}

/** Everything the full transcode's single ffmpeg run needs, decided beforehand. */
export interface TranscodePlan {
  /** The source (absolute path, probed demuxer); outputs are relative to the output directory (ffmpeg's cwd). */
  input: MediaFile;
  hlsTime: number;
  video: {
    streamIndex: number;
    /** Largest first; at most the first one is copied. */
    renditions: VideoRenditionPlan[];
    /** Where encoded renditions put keyframes: on the source's own (to match a copied top rendition) or every 2 s. */
    keyframes: 'source' | 'interval';
    /** Frame rate to even a variable-rate source out to, or null to keep the source's timing. */
    fps: number | null;
    /** The renditions' frame rate, for the GOP length. */
    frameRate: number;
    /** Whether zimg can resize the decoded pictures (see VideoEncoderSettings.zimgFilter). */
    zimg: boolean;
    sprite: SpritePlan | null;
    /**
     * A picture that starts late, stops before the sound or has holes is filled in to last
     * the whole recording: the first frame held from 0 and each hole filled by the one before
     * (at `fps`), the last frame held for `tailSeconds`. Null leaves the picture as it is.
     */
    fill: { startSeconds: number; tailSeconds: number } | null;
  } | null;
  audio: {
    streamIndex: number;
    /** Linear gain in dB from the loudness analysis; null copies the source audio. */
    gainDb: number | null;
    sampleRate: number;
    /**
     * Silence put before (the sound starts `startSeconds` into the file), between and after the
     * sound to last `toSeconds`; null leaves it as it is.
     */
    fill: { startSeconds: number; toSeconds: number } | null;
  } | null;
  /**
   * Seconds added to the timestamps of everything encoded. A stream-copied top rendition with
   * B-frames starts later by its decode delay (fragmented MP4 cannot hold negative decode
   * times, so the muxer shifts it); the other renditions and the audio follow it, so every
   * rendition and the audio share one timeline.
   */
  timestampOffset: number;
  encoder: VideoEncoderSettings;
  threads: number | null;
}

export const AUDIO_RENDITION = 'audio';
export const SPRITE_IMAGE = 'sprite.jpg';

/** A finished media segment of a rendition (ffmpeg writes it as `….m4s.tmp` first). */
export const MEDIA_SEGMENT_PATTERN = /^seg_\d+\.m4s$/;

export function playlistPath(rendition: string): string {
  return `${rendition}/playlist.m3u8`;
}

export function hlsOutputOptions(rendition: string, hlsTime: number): string[] {
  return [
    '-f',
    'hls',
    '-hls_time',
    String(hlsTime),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'fmp4',
    '-hls_fmp4_init_filename',
    'init.mp4',
    '-hls_segment_filename',
    `${rendition}/seg_%05d.m4s`,
    '-hls_flags',
    // temp_file: a segment gets its name only once complete, so it can be uploaded while
    // ffmpeg writes the next one.
    'independent_segments+temp_file',
    // Source metadata can hold names and phone locations; none of it belongs in a public replay.
    '-map_metadata',
    '-1',
    '-map_chapters',
    '-1',
  ];
}

/**
 * The filter graph: one decode, then a chain of downscales where each rendition is scaled
 * from the one above it (cheaper than scaling every rung from the full-size picture), with
 * split points feeding the encoders, plus a branch for the sprite and the audio chain.
 * Rotation is applied by ffmpeg before the graph (autorotate), so every output is upright.
 */
export function buildFilterGraph(plan: TranscodePlan): { graph: string; videoLabels: Map<string, string> } {
  const parts: string[] = [];
  const videoLabels = new Map<string, string>();
  const video = plan.video;
  if (video) {
    const encoded = video.renditions.filter((r) => !r.copy);
    const consumers = (encoded.length > 0 ? 1 : 0) + (video.sprite ? 1 : 0);
    const head = videoHead(video);
    const source = `[0:${video.streamIndex}]`;
    const branches: string[] = [];
    if (consumers > 0) {
      if (consumers === 1 && head.length === 0) branches.push(source);
      else {
        const labels = Array.from({ length: consumers }, (_, i) => `[src${i}]`);
        const split = consumers > 1 ? [`split=${consumers}`] : [];
        const chain = [...head, ...split].join(',') || 'null';
        parts.push(`${source}${chain}${labels.join('')}`);
        branches.push(...labels);
      }
    }
    let from = encoded.length > 0 ? branches.shift()! : null;
    encoded.forEach((r, i) => {
      const isLast = i === encoded.length - 1;
      // The first scale also settles the pixel format, so 10-bit or full-range sources are
      // converted in the same swscale pass.
      const { zimgFilter } = plan.encoder;
      const filters = [
        video.zimg && zimgFilter
          ? `zscale=w=${r.width}:h=${r.height}:filter=${zimgFilter}`
          : `scale=${r.width}:${r.height}:flags=${plan.encoder.scaler}`,
        'setsar=1',
      ];
      if (i === 0) filters.push('format=yuv420p');
      const out = `[v${r.name}]`;
      if (isLast) parts.push(`${from}${filters.join(',')}${out}`);
      else {
        const next = `[n${r.name}]`;
        parts.push(`${from}${filters.join(',')},split=2${out}${next}`);
        from = next;
      }
      videoLabels.set(r.name, out);
    });
    if (video.sprite) parts.push(`${branches.shift()}${spriteFilter(video.sprite)}[sprite]`);
  }
  if (plan.audio) {
    const filters = [`aformat=sample_fmts=fltp:sample_rates=${plan.audio.sampleRate}:channel_layouts=stereo`];
    const { fill } = plan.audio;
    if (fill) {
      // Placed where it lies in the file (ffmpeg may count a run's time from its own first
      // packet), then silence from 0 and in every hole, and to the end of the picture.
      filters.unshift(`asetpts=PTS-STARTPTS+${fill.startSeconds.toFixed(3)}/TB`);
      filters.push('aresample=async=1:first_pts=0', `apad=whole_dur=${fill.toSeconds.toFixed(3)}`);
    }
    if (plan.audio.gainDb !== null && plan.audio.gainDb !== 0) filters.push(`volume=${plan.audio.gainDb}dB`);
    parts.push(`[0:${plan.audio.streamIndex}]${filters.join(',')}[aout]`);
  }
  return { graph: parts.join(';'), videoLabels };
}

/** The filters every picture passes first: an even frame rate, and the fill of a short picture. */
function videoHead(video: NonNullable<TranscodePlan['video']>): string[] {
  if (!video.fill) return video.fps ? [`fps=${video.fps}`] : [];
  const rate = video.fps ?? video.frameRate;
  // Placed where it lies in the file (ffmpeg counts a run's time from the first packet of the
  // streams it reads, which for MPEG-TS can be the picture's own), then held from 0.
  const head = [`setpts=PTS-STARTPTS+${video.fill.startSeconds.toFixed(3)}/TB`, `fps=${rate}:start_time=0`];
  if (video.fill.tailSeconds > 0)
    head.push(`tpad=stop_mode=clone:stop_duration=${video.fill.tailSeconds.toFixed(3)}`);
  return head;
}

function offsetOptions(seconds: number): string[] {
  return seconds > 0 ? ['-output_ts_offset', seconds.toFixed(3)] : [];
}

export function x264Options(r: PlannedRendition, plan: TranscodePlan): string[] {
  const video = plan.video!;
  const { encoder } = plan;
  // Keyframes come only from -force_key_frames: scene cuts off and a GOP longer than any
  // forced interval, so every rendition has keyframes at the same instants.
  const gop = Math.max(1, Math.round(video.frameRate * 10));
  const forced = video.keyframes === 'source' ? 'source' : `expr:gte(t,n_forced*${ENCODED_KEYFRAME_SECONDS})`;
  return [
    '-c:v',
    'libx264',
    '-preset',
    encoder.preset,
    ...(encoder.tune ? ['-tune', encoder.tune] : []),
    '-profile:v',
    'high',
    '-crf',
    String(encoder.crf),
    '-maxrate',
    String(r.maxrate),
    '-bufsize',
    String(r.bufsize),
    '-g',
    String(gop),
    '-keyint_min',
    String(gop),
    '-sc_threshold',
    '0',
    '-force_key_frames',
    forced,
    ...(encoder.x264Params ? ['-x264-params', encoder.x264Params] : []),
    ...(plan.threads ? ['-threads', String(plan.threads)] : []),
    '-fps_mode',
    'passthrough',
  ];
}

/**
 * Decoder threads of the ladder run, unless set: one. Frame-threaded H.264 decoding spends
 * about a tenth more instructions (the threads' contexts are copied and synchronised every
 * frame), and the ladder does not need it for parallelism: the encoders' and the scalers'
 * own threads keep the other core busy while the main thread decodes.
 */
export const LADDER_DECODER_THREADS = 1;

/**
 * The ladder's single ffmpeg run: one decode of the source feeding every video rendition
 * (the top one possibly stream-copied) and the sprite.
 */
export function buildLadderInvocation(plan: TranscodePlan): FfmpegInvocation {
  const video = plan.video;
  if (!video) throw new Error('The ladder needs a video stream');
  const { graph, videoLabels } = buildFilterGraph({ ...plan, audio: null });
  const outputs: FfmpegInvocation['outputs'] = [];
  for (const r of video.renditions) {
    const map = r.copy
      ? ['-map', `0:${video.streamIndex}`, '-c:v', 'copy']
      : ['-map', videoLabels.get(r.name)!];
    const codec = r.copy ? [] : [...x264Options(r, plan), ...offsetOptions(plan.timestampOffset)];
    outputs.push({
      path: playlistPath(r.name),
      options: [...map, ...codec, '-an', '-sn', '-dn', ...hlsOutputOptions(r.name, plan.hlsTime)],
    });
  }
  if (video.sprite) {
    outputs.push({
      path: SPRITE_IMAGE,
      options: [
        '-map',
        '[sprite]',
        '-c:v',
        'mjpeg',
        '-q:v',
        '5',
        '-frames:v',
        '1',
        '-update',
        '1',
        '-f',
        'image2',
      ],
    });
  }
  return {
    globalOptions: [
      ...QUIET_WITH_PROGRESS,
      ...(plan.threads ? ['-filter_complex_threads', String(plan.threads)] : []),
    ],
    inputs: [{ ...plan.input, options: ['-threads', String(plan.threads ?? LADDER_DECODER_THREADS)] }],
    filterComplex: graph || null,
    outputs,
  };
}

/**
 * The audio rendition: stereo AAC with the loudness gain applied. A run of its own so it can
 * start as soon as the loudness is measured and work beside the video ladder (ffmpeg 5.1 does
 * its filtering and audio encoding on one thread, which the ladder keeps busy).
 */
export function buildAudioInvocation(plan: TranscodePlan): FfmpegInvocation {
  if (!plan.audio) throw new Error('The audio rendition needs an audio stream');
  const { graph } = buildFilterGraph({ ...plan, video: null });
  return {
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: [{ ...plan.input, options: [] }],
    filterComplex: graph,
    outputs: [
      {
        path: playlistPath(AUDIO_RENDITION),
        options: [
          '-map',
          '[aout]',
          '-c:a',
          'aac',
          '-b:a',
          String(AUDIO_CODEC_BITRATE),
          ...offsetOptions(plan.timestampOffset),
          '-vn',
          '-sn',
          '-dn',
          ...hlsOutputOptions(AUDIO_RENDITION, plan.hlsTime),
        ],
      },
    ],
  };
}

/** The quick version: the source's video and audio stream-copied into fMP4 HLS, nothing decoded. */
export function buildQuickInvocation(
  input: MediaFile,
  hlsTime: number,
  video: { streamIndex: number; name: string; decodeDelaySeconds: number } | null,
  audio: { streamIndex: number } | null,
): FfmpegInvocation {
  const outputs: FfmpegInvocation['outputs'] = [];
  if (video) {
    outputs.push({
      path: playlistPath(video.name),
      options: [
        '-map',
        `0:${video.streamIndex}`,
        '-c:v',
        'copy',
        '-an',
        '-sn',
        '-dn',
        ...hlsOutputOptions(video.name, hlsTime),
      ],
    });
  }
  if (audio) {
    outputs.push({
      path: playlistPath(AUDIO_RENDITION),
      options: [
        '-map',
        `0:${audio.streamIndex}`,
        '-c:a',
        'copy',
        // AAC from MPEG-TS (ADTS) has its headers moved into the MP4 sample entry, which
        // fragmented MP4 needs; AAC from MP4 or Matroska passes through unchanged.
        '-bsf:a',
        'aac_adtstoasc',
        // The copied video starts later by its B-frame delay; the audio keeps pace with it.
        ...offsetOptions(video?.decodeDelaySeconds ?? 0),
        '-vn',
        '-sn',
        '-dn',
        ...hlsOutputOptions(AUDIO_RENDITION, hlsTime),
      ],
    });
  }
  return {
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: [{ ...input, options: [] }],
    filterComplex: null,
    outputs,
  };
}
