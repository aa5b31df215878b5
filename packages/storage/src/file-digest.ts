import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** What S3 may report as the ETag of a file, whichever way it was uploaded. */
export interface FileDigest {
  size: number;
  /** Hex MD5 of the whole file: the ETag of a single PUT (and s3rver's ETag for any object). */
  md5: string;
  /** `md5(part md5s)-N` for the given part size: the ETag S3 gives a multipart upload. */
  multipartEtag: string;
  partSize: number;
}

/** Reads the file once, hashing the whole and each part as lib-storage will cut it. */
export async function digestFile(file: string, partSize: number): Promise<FileDigest> {
  const whole = createHash('md5');
  const partDigests: Buffer[] = [];
  let part: Hash = createHash('md5');
  let inPart = 0;
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    whole.update(chunk);
    size += chunk.length;
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(partSize - inPart, chunk.length - offset);
      part.update(chunk.subarray(offset, offset + take));
      inPart += take;
      offset += take;
      if (inPart === partSize) {
        partDigests.push(part.digest());
        part = createHash('md5');
        inPart = 0;
      }
    }
  }
  if (inPart > 0 || partDigests.length === 0) partDigests.push(part.digest());
  return { size, md5: whole.digest('hex'), multipartEtag: multipartEtagOf(partDigests), partSize };
}

export function multipartEtagOf(partDigests: Buffer[]): string {
  return `${createHash('md5').update(Buffer.concat(partDigests)).digest('hex')}-${partDigests.length}`;
}

export function normalizeEtag(etag: string): string {
  return etag.replace(/^W\//, '').replace(/"/g, '').trim().toLowerCase();
}

/**
 * Whether an ETag from S3 proves the stored bytes equal the file. Multipart ETags are
 * compared with the one computed for our part size; S3-compatible stores that give a
 * multipart object the plain MD5 (s3rver does) are compared with that.
 */
export function etagMatches(etag: string, digest: FileDigest): boolean {
  const normalized = normalizeEtag(etag);
  return normalized.includes('-') ? normalized === digest.multipartEtag : normalized === digest.md5;
}
