import { EncodingOptionsPreset, type RoomCompositeEgressRequest } from '@livekit/protocol';

export interface EgressEncoding {
  width: number;
  height: number;
  framerate: number;
  videoBitrateKbps: number;
}

const PRESETS: Partial<Record<EncodingOptionsPreset, EgressEncoding>> = {
  [EncodingOptionsPreset.H264_720P_30]: { width: 1280, height: 720, framerate: 30, videoBitrateKbps: 3000 },
  [EncodingOptionsPreset.H264_720P_60]: { width: 1280, height: 720, framerate: 60, videoBitrateKbps: 4500 },
  [EncodingOptionsPreset.H264_1080P_30]: { width: 1920, height: 1080, framerate: 30, videoBitrateKbps: 4500 },
  [EncodingOptionsPreset.H264_1080P_60]: { width: 1920, height: 1080, framerate: 60, videoBitrateKbps: 6000 },
  [EncodingOptionsPreset.PORTRAIT_H264_720P_30]: {
    width: 720,
    height: 1280,
    framerate: 30,
    videoBitrateKbps: 3000,
  },
  [EncodingOptionsPreset.PORTRAIT_H264_720P_60]: {
    width: 720,
    height: 1280,
    framerate: 60,
    videoBitrateKbps: 4500,
  },
  [EncodingOptionsPreset.PORTRAIT_H264_1080P_30]: {
    width: 1080,
    height: 1920,
    framerate: 30,
    videoBitrateKbps: 4500,
  },
  [EncodingOptionsPreset.PORTRAIT_H264_1080P_60]: {
    width: 1080,
    height: 1920,
    framerate: 60,
    videoBitrateKbps: 6000,
  },
};

const DEFAULT_ENCODING = PRESETS[EncodingOptionsPreset.H264_720P_30] as EgressEncoding;

/** The picture egress encodes: the preset, advanced options over the 720p30 default, or 720p30. */
export function encodingFor(request: RoomCompositeEgressRequest): EgressEncoding {
  const options = request.options;
  if (options.case === 'preset') return PRESETS[options.value] ?? DEFAULT_ENCODING;
  if (options.case === 'advanced') {
    const advanced = options.value;
    return {
      width: advanced.width || DEFAULT_ENCODING.width,
      height: advanced.height || DEFAULT_ENCODING.height,
      framerate: advanced.framerate || DEFAULT_ENCODING.framerate,
      videoBitrateKbps: advanced.videoBitrate || DEFAULT_ENCODING.videoBitrateKbps,
    };
  }
  return DEFAULT_ENCODING;
}
