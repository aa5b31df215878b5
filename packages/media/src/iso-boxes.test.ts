import { describe, expect, it } from 'vitest';
import { endsInsideIsoBox } from './iso-boxes.ts';

function box(type: string, payloadBytes: number, declaredSize = payloadBytes + 8): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(declaredSize, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, Buffer.alloc(payloadBytes)]);
}

function largeBox(type: string, payloadBytes: number, declaredSize: bigint): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1, 0);
  header.write(type, 4, 'latin1');
  header.writeBigUInt64BE(declaredSize, 8);
  return Buffer.concat([header, Buffer.alloc(payloadBytes)]);
}

const check = (file: Buffer) =>
  endsInsideIsoBox(async (offset, length) => file.subarray(offset, offset + length), file.length);

describe('endsInsideIsoBox', () => {
  it('finds a file whole when its boxes add up to its size', async () => {
    expect(await check(Buffer.concat([box('ftyp', 20), box('moov', 500), box('mdat', 4000)]))).toBe(false);
    expect(await check(Buffer.concat([box('ftyp', 20), box('mdat', 100, 0)]))).toBe(false);
  });

  it('finds a file cut inside its index or its media', async () => {
    const whole = Buffer.concat([box('ftyp', 20), box('moov', 500), box('mdat', 4000)]);
    expect(await check(whole.subarray(0, 300))).toBe(true);
    expect(await check(whole.subarray(0, 2000))).toBe(true);
    expect(await check(Buffer.concat([box('ftyp', 20), box('moov', 100, 0xffff_fff0)]))).toBe(true);
    expect(await check(Buffer.concat([box('ftyp', 20), largeBox('mdat', 100, 2n ** 40n)]))).toBe(true);
  });

  it('says nothing of files that are not ISO media, or damaged rather than cut', async () => {
    expect(await check(Buffer.from('#EXTM3U\n#EXTINF:3,\n/tmp/x.mp4\n'))).toBe(false);
    expect(await check(Buffer.concat([box('ftyp', 20), box('mo\0v', 100, 5000)]))).toBe(false);
    expect(await check(Buffer.concat([box('ftyp', 20), box('moov', 100, 4)]))).toBe(false);
    expect(await check(Buffer.alloc(0))).toBe(false);
  });
});
