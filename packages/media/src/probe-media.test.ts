import { describe, expect, it } from 'vitest';
import { UnusableMediaError } from './errors.ts';
import { describeStreams, type FfprobeOutput, parseRatio, rotationOf } from './probe-media.ts';

const h264 = {
  index: 0,
  codec_type: 'video',
  codec_name: 'h264',
  profile: 'High',
  pix_fmt: 'yuv420p',
  width: 1920,
  height: 1080,
  sample_aspect_ratio: '1:1',
  r_frame_rate: '30/1',
  avg_frame_rate: '30/1',
  bit_rate: '4500000',
  duration: '60.0',
};
const aac = {
  index: 1,
  codec_type: 'audio',
  codec_name: 'aac',
  profile: 'LC',
  channels: 2,
  channel_layout: 'stereo',
  sample_rate: '48000',
};
const mp4 = { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '60.0', bit_rate: '4600000' };

const output = (streams: object[], format: object = mp4) => ({ streams, format }) as FfprobeOutput;

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof UnusableMediaError) return err.reason;
    throw err;
  }
  throw new Error('expected UnusableMediaError');
}

describe('describeStreams', () => {
  it('describes video and audio', () => {
    const probe = describeStreams(output([h264, aac]), 123);
    expect(probe).toMatchObject({ durationSeconds: 60, sizeBytes: 123, bitRate: 4_600_000 });
    expect(probe.video).toMatchObject({
      codec: 'h264',
      width: 1920,
      displayHeight: 1080,
      rotation: 0,
      avgFrameRate: 30,
    });
    expect(probe.audio).toEqual({
      index: 1,
      codec: 'aac',
      profile: 'LC',
      channels: 2,
      channelLayout: 'stereo',
      sampleRate: 48000,
      bitRate: null,
    });
  });

  it('swaps the displayed sides of video rotated a quarter turn', () => {
    const rotated = { ...h264, side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] };
    expect(describeStreams(output([rotated]), 1).video).toMatchObject({
      rotation: 90,
      displayWidth: 1080,
      displayHeight: 1920,
    });
  });

  it('widens anamorphic video to its display aspect', () => {
    const anamorphic = { ...h264, width: 1440, sample_aspect_ratio: '4:3' };
    expect(describeStreams(output([anamorphic]), 1).video).toMatchObject({
      displayWidth: 1920,
      sampleAspectRatio: 4 / 3,
    });
  });

  it('treats cover art in an audio file as no video', () => {
    const cover = { ...h264, index: 1, codec_name: 'mjpeg', disposition: { attached_pic: 1 } };
    expect(describeStreams(output([{ ...aac, index: 0 }, cover]), 1).video).toBeNull();
  });

  it('rejects files that are no recording, with the reason', () => {
    expect(reasonOf(() => describeStreams(output([]), 1))).toBe('The file contains neither video nor audio');
    expect(
      reasonOf(() =>
        describeStreams(output([{ ...h264, codec_name: 'ansi' }], { format_name: 'tty', duration: '3' }), 1),
      ),
    ).toBe('The file is not a video or audio recording');
    expect(
      reasonOf(() =>
        describeStreams(output([{ ...h264, codec_name: 'png' }], { format_name: 'png_pipe' }), 1),
      ),
    ).toBe('The file is a still image, not a recording');
    expect(
      reasonOf(() => describeStreams(output([{ ...h264, duration: '0' }], { ...mp4, duration: '0.000' }), 1)),
    ).toBe('The recording has zero duration');
  });
});

describe('rotationOf', () => {
  it('turns the display matrix’s counter-clockwise angle into a clockwise turn', () => {
    expect(rotationOf({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: 90 }] })).toBe(270);
    expect(rotationOf({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -180 }] })).toBe(180);
  });

  it('falls back to the legacy rotate tag', () => {
    expect(rotationOf({ tags: { rotate: '90' } })).toBe(90);
    expect(rotationOf({})).toBe(0);
  });
});

describe('parseRatio', () => {
  it('reads ffprobe rates and aspect ratios', () => {
    expect(parseRatio('30000/1001')).toBeCloseTo(29.97, 2);
    expect(parseRatio('16:9')).toBeCloseTo(1.778, 3);
    expect(parseRatio('0/0')).toBeNull();
    expect(parseRatio(undefined)).toBeNull();
  });
});
