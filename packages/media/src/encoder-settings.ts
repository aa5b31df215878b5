/** x264 and scaler settings for the encoded renditions of the ladder. */
export interface VideoEncoderSettings {
  preset: string;
  tune: string | null;
  /** Constant-quality target; the rung's maxrate/bufsize cap it. */
  crf: number;
  /** swscale flags for the downscales. */
  scaler: string;
  /**
   * zimg's resize filter (ffmpeg's zscale) for the downscales of sources it takes (8-bit 4:2:0
   * with even sides, as LiveKit records), or null for swscale throughout. zimg resizes in
   * fewer cycles than swscale and in slices on several threads.
   */
  zimgFilter: string | null;
  /** Extra `-x264-params`, or null. */
  x264Params: string | null;
}

/**
 * Chosen by measurement with `pnpm bench:transcode` (see the bench for the figures): the
 * whole ladder shares one decode, so the encoders and the scalers are what is left to make
 * cheap, and webinar material (slides, a talking head) keeps SSIM well above 0.97 with the
 * fastest x264 settings.
 */
export const LADDER_ENCODER: VideoEncoderSettings = {
  preset: 'ultrafast',
  tune: null,
  crf: 23,
  scaler: 'area',
  zimgFilter: 'bilinear',
  x264Params: null,
};

export const AUDIO_CODEC_BITRATE = 128_000;
