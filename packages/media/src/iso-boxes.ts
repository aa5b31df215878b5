import { open } from 'node:fs/promises';

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

/** Top-level boxes an MP4 or MOV file starts with. */
const FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip']);
/** More top-level boxes than any recording has: a file with more is not walked to its end. */
const MAX_BOXES = 10_000;

/**
 * Whether an MP4/MOV file ends inside one of its top-level boxes: a `moov` or `mdat` whose
 * header promises more bytes than the file has. That is an upload or a recording cut short,
 * whatever ffprobe makes of the part it could read (a stream without a picture size, or no
 * stream at all). A file that does not start like ISO media is never "cut short".
 */
export async function endsInsideIsoBox(readAt: ReadAt, fileSize: number): Promise<boolean> {
  let offset = 0;
  for (let boxes = 0; offset + 8 <= fileSize && boxes < MAX_BOXES; boxes++) {
    const header = await readAt(offset, 16);
    if (header.length < 8) return false;
    const type = header.toString('latin1', 4, 8);
    if (boxes === 0 ? !FIRST_BOXES.has(type) : !/^[\x20-\x7e]{4}$/.test(type)) return false;
    let size = header.readUInt32BE(0);
    if (size === 1) {
      if (header.length < 16) return true;
      size = Number(header.readBigUInt64BE(8));
    }
    // Size 0 runs to the end of the file; a size below a header is damage, not a cut.
    if (size === 0) return false;
    if (size < 8) return false;
    if (offset + size > fileSize) return true;
    offset += size;
  }
  return false;
}

/** endsInsideIsoBox for a file on disk. */
export async function fileEndsInsideIsoBox(path: string, fileSize: number): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    return await endsInsideIsoBox(async (offset, length) => {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, offset);
      return buffer.subarray(0, bytesRead);
    }, fileSize);
  } finally {
    await handle.close();
  }
}
