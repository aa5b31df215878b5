import { type BroadcastRendition, broadcastRenditions } from '@folkemote/domain';
import type { StreamVariant } from './hls-playlists.ts';

/** A rendition of the broadcast as the encoder makes it and the multivariant playlist names it. */
export interface LadderRendition extends BroadcastRendition {
  /** The H.264 level the picture needs at the stream's frame rate (absent for sound alone). */
  level?: number;
  codecs: string;
  /** Peak bits per second declared before anything is measured (the live playlist's). */
  declaredBandwidth: number;
}

const AAC_LC = 'mp4a.40.2';
// MPEG-TS packs each PES in 188-byte packets with headers: some 10 % over the coded rate with
// pictures, more for sound alone (small packets).
const TS_PERCENT_WITH_VIDEO = 110;
const TS_PERCENT_AUDIO = 120;

// H.264 levels (ITU-T H.264 table A-1): the most macroblocks a second and in a frame.
const H264_LEVELS: readonly { level: number; perSecond: number; perFrame: number }[] = [
  { level: 3.0, perSecond: 40_500, perFrame: 1_620 },
  { level: 3.1, perSecond: 108_000, perFrame: 3_600 },
  { level: 3.2, perSecond: 216_000, perFrame: 5_120 },
  { level: 4.0, perSecond: 245_760, perFrame: 8_192 },
  { level: 4.2, perSecond: 522_240, perFrame: 8_704 },
  { level: 5.1, perSecond: 983_040, perFrame: 36_864 },
];

/** The lowest H.264 level (3.0 at least) that holds this picture at this frame rate. */
export function h264Level(width: number, height: number, framerate: number): number {
  const perFrame = Math.ceil(width / 16) * Math.ceil(height / 16);
  const found = H264_LEVELS.find((l) => perFrame <= l.perFrame && perFrame * framerate <= l.perSecond);
  return (found ?? (H264_LEVELS[H264_LEVELS.length - 1] as (typeof H264_LEVELS)[number])).level;
}

/**
 * RFC 6381's name of H.264 Constrained Baseline at this level as x264 writes it (profile_idc 66,
 * constraint_set0 and constraint_set1), e.g. `avc1.42c01f` for 3.1.
 */
export function constrainedBaselineCodec(level: number): string {
  return `avc1.42c0${Math.round(level * 10)
    .toString(16)
    .padStart(2, '0')}`;
}

/**
 * The broadcast's ladder (`broadcastRenditions`, the one definition in @folkemote/domain) for a
 * stream at this frame rate: the picture renditions only where the room is recorded with
 * pictures, the sound-only one only with sound.
 */
export function broadcastLadder(
  framerate: number,
  media: { video: boolean; audio: boolean },
  renditions: readonly BroadcastRendition[] = broadcastRenditions,
): LadderRendition[] {
  return renditions
    .filter((r) => (r.video ? media.video : media.audio))
    .map((rendition) => {
      const { video } = rendition;
      if (!video) {
        return {
          ...rendition,
          codecs: AAC_LC,
          declaredBandwidth: (rendition.audioKbps * 1000 * TS_PERCENT_AUDIO) / 100,
        };
      }
      const level = h264Level(video.width, video.height, framerate);
      const audioKbps = media.audio ? rendition.audioKbps : 0;
      return {
        ...rendition,
        level,
        codecs: media.audio
          ? `${constrainedBaselineCodec(level)},${AAC_LC}`
          : constrainedBaselineCodec(level),
        declaredBandwidth: ((video.kbps + audioKbps) * 1000 * TS_PERCENT_WITH_VIDEO) / 100,
      };
    });
}

/** The multivariant playlist's entry of a rendition whose media playlist is `<name>/<playlist>`. */
export function ladderVariant(
  rendition: LadderRendition,
  playlist: string,
  measured?: { bandwidth: number; averageBandwidth: number },
): StreamVariant {
  return {
    uri: `${rendition.name}/${playlist}`,
    bandwidth: measured?.bandwidth ?? rendition.declaredBandwidth,
    ...(measured ? { averageBandwidth: measured.averageBandwidth } : {}),
    ...(rendition.video
      ? { resolution: { width: rendition.video.width, height: rendition.video.height } }
      : {}),
    codecs: rendition.codecs,
  };
}
