import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { limitUploadSize, UploadTooLargeError } from './limit-upload-size.ts';

function sink(): Writable & { received: number } {
  const target = new Writable({
    write(chunk: Buffer, _encoding, done) {
      target.received += chunk.length;
      done();
    },
  }) as Writable & { received: number };
  target.received = 0;
  return target;
}

const chunks = (...sizes: number[]) => Readable.from(sizes.map((n) => Buffer.alloc(n)));

describe('limitUploadSize', () => {
  it('passes an upload of up to the limit through and counts it', async () => {
    const limit = limitUploadSize(10);
    const target = sink();
    await pipeline(chunks(4, 6), limit, target);
    expect(limit.bytes).toBe(10);
    expect(target.received).toBe(10);
  });

  it('fails at the chunk that goes past the limit, passing none of it on', async () => {
    const limit = limitUploadSize(10);
    const target = sink();
    const error = await pipeline(chunks(4, 6, 1, 100), limit, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadTooLargeError);
    expect((error as Error).message).toBe('A recording may be at most 10 bytes');
    expect(target.received).toBe(10);
  });

  it('names the limit as an organiser reads it', () => {
    expect(new UploadTooLargeError(50 * 1024 ** 3).message).toBe('A recording may be at most 50 GB');
    expect(new UploadTooLargeError(5 * 1024 ** 2).message).toBe('A recording may be at most 5 MB');
  });
});
