import { describe, expect, it } from 'vitest';
import { aacCodecString, avcCodecString } from './codec-strings.ts';

const box = (type: string, payload: number[]) => {
  const size = 8 + payload.length;
  return [
    (size >> 24) & 255,
    (size >> 16) & 255,
    (size >> 8) & 255,
    size & 255,
    ...[...type].map((c) => c.charCodeAt(0)),
    ...payload,
  ];
};

describe('avcCodecString', () => {
  it('reads profile, constraint flags and level from avcC', () => {
    const data = Uint8Array.from([...box('free', [0, 0]), ...box('avcC', [1, 0x64, 0x00, 0x28, 0xff])]);
    expect(avcCodecString(data)).toBe('avc1.640028');
    const baseline = Uint8Array.from(box('avcC', [1, 0x42, 0xc0, 0x1e, 0xff]));
    expect(avcCodecString(baseline)).toBe('avc1.42c01e');
  });

  it('returns null without avcC', () => {
    expect(avcCodecString(Uint8Array.from(box('mp4a', [0, 0, 0])))).toBeNull();
  });
});

describe('aacCodecString', () => {
  // esds: ES_Descriptor(0x03) > DecoderConfigDescriptor(0x04, object type 0x40) > DecoderSpecificInfo(0x05)
  const esds = (asc: number[]) =>
    Uint8Array.from(
      box('esds', [
        0,
        0,
        0,
        0,
        0x03,
        0x19,
        0x00,
        0x02,
        0x00,
        0x04,
        0x11,
        0x40,
        0x15,
        0x00,
        0x00,
        0x00,
        0x00,
        0x01,
        0xf4,
        0x00,
        0x00,
        0x01,
        0xf4,
        0x00,
        0x05,
        asc.length,
        ...asc,
        0x06,
        0x01,
        0x02,
      ]),
    );

  it('reads the audio object type: 2 for AAC-LC, 5 for HE-AAC', () => {
    expect(aacCodecString(esds([0x12, 0x10]))).toBe('mp4a.40.2');
    expect(aacCodecString(esds([0x2b, 0x92, 0x08, 0x00]))).toBe('mp4a.40.5');
  });
});
