import { Transform, type TransformCallback } from 'node:stream';

/** An upload went past the size a recording may have; what was written of it is thrown away. */
export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`A recording may be at most ${formatLimit(limitBytes)}`);
    this.name = 'UploadTooLargeError';
  }
}

function formatLimit(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Math.round(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${bytes} bytes`;
}

/**
 * Passes an upload through while counting it, and fails the stream with UploadTooLargeError
 * at the first byte past `limitBytes`: a body sent without a length (chunked) is held to the
 * same limit as one that declares it.
 */
export function limitUploadSize(limitBytes: number): Transform & { readonly bytes: number } {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      bytes += chunk.length;
      if (bytes > limitBytes) done(new UploadTooLargeError(limitBytes));
      else done(null, chunk);
    },
  });
  return Object.defineProperty(counter, 'bytes', { get: () => bytes }) as Transform & {
    readonly bytes: number;
  };
}
