import type { StreamSpan } from './stream-spans.ts';

/** What probeMedia learns about a source file. Times are in seconds, rates in bits per second. */
export interface MediaProbe {
  durationSeconds: number;
  /** ffprobe's format name, e.g. 'mov,mp4,m4a,3gp,3g2,mj2' or 'matroska,webm'. */
  container: string;
  sizeBytes: number;
  bitRate: number | null;
  video: VideoProbe | null;
  audio: AudioProbe | null;
  /**
   * How much of the primary stream's packets the probe read. 'edges' (see probeMedia) leaves
   * the keyframe layout, frame-rate regularity and bit-rate peaks unknown (empty, false);
   * absent means 'full' (probes stored before this was recorded).
   */
  packetScan?: 'full' | 'edges';
}

export interface VideoProbe {
  /** Stream index in the file, for `-map 0:<index>`. */
  index: number;
  codec: string;
  profile: string | null;
  pixFmt: string | null;
  /** Stored size, before rotation. */
  width: number;
  height: number;
  /** Size as shown: rotation and non-square pixels applied. */
  displayWidth: number;
  displayHeight: number;
  /** Clockwise degrees a player must turn the stored picture to show it upright. */
  rotation: 0 | 90 | 180 | 270;
  /** Sample (pixel) aspect ratio; 1 for square pixels. */
  sampleAspectRatio: number;
  avgFrameRate: number | null;
  rFrameRate: number | null;
  variableFrameRate: boolean;
  /** Keyframe times from the first keyframe, in presentation order. */
  keyframeTimes: number[];
  /**
   * How far the first decode timestamp lies before the first presentation timestamp: the
   * reordering delay of B-frames. A stream copy into fragmented MP4 shifts by this much.
   */
  decodeDelaySeconds: number;
  /** Longest stretch without a keyframe, the tail after the last keyframe included. */
  maxKeyframeIntervalSeconds: number;
  bitRate: number | null;
  /** Highest bit rate over any window of each length, from packet sizes: the basis of the VBV check. */
  peakBitRates: { windowSeconds: number; bitRate: number }[];
  /**
   * Where the pictures lie, in seconds from the start of the file; a camera turned off early
   * ends before the sound does. Absent in probes stored before it was measured.
   */
  span?: StreamSpan;
  /** Longest stretch without a frame beyond the usual interval; absent after an edges probe. */
  longestGapSeconds?: number;
}

export interface AudioProbe {
  index: number;
  codec: string;
  profile: string | null;
  channels: number;
  channelLayout: string | null;
  sampleRate: number;
  bitRate: number | null;
  /** Where the sound lies, in seconds from the start of the file. Absent in older probes. */
  span?: StreamSpan;
}
