/**
 * The raw-bucket key of a file egress wrote, from its file result. The location is a URL,
 * virtual-host style (`https://bucket.s3.amazonaws.com/key`) or, with forcePathStyle,
 * `https://endpoint/bucket/key`, with the key percent-encoded; the filename is the key itself.
 * Null when the file is not in our bucket.
 */
export function rawKeyFromFile(
  file: { location?: string; filename?: string },
  bucket: string,
): string | null {
  const fromLocation = file.location ? keyFromLocation(file.location, bucket) : null;
  if (fromLocation) return fromLocation;
  const filename = file.filename?.replace(/^\/+/, '');
  return filename && !/^[a-z]+:\/\//i.test(filename) ? filename : null;
}

function keyFromLocation(location: string, bucket: string): string | null {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return null;
  }
  const segments = url.pathname.split('/').filter(Boolean);
  let keySegments: string[];
  if (url.hostname === bucket || url.hostname.startsWith(`${bucket}.`)) keySegments = segments;
  else if (segments[0] === bucket) keySegments = segments.slice(1);
  else return null;
  if (keySegments.length === 0) return null;
  try {
    return keySegments.map((s) => decodeURIComponent(s)).join('/');
  } catch {
    return null;
  }
}
