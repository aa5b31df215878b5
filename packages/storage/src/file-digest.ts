import { createHash } from 'node:crypto';

/** What S3 may report as the ETag of a file, whichever way it was uploaded. */
export interface FileDigest {
  size: number;
  /** Hex MD5 of the whole file: the ETag of a single PUT (and s3rver's ETag for any object). */
  md5: string;
  /** `md5(part md5s)-N` for the given part size: the ETag S3 gives a multipart upload. */
  multipartEtag: string;
  partSize: number;
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
export function etagMatches(
  etag: string,
  digest: Partial<Pick<FileDigest, 'md5' | 'multipartEtag'>>,
): boolean {
  const normalized = normalizeEtag(etag);
  return normalized.includes('-') ? normalized === digest.multipartEtag : normalized === digest.md5;
}
