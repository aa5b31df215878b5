export interface S3LocationTarget {
  endpoint: string;
  bucket: string;
  forcePathStyle: boolean;
}

/**
 * The `location` egress reports for an uploaded file: virtual-host style on AWS, or the
 * endpoint, bucket and key with forcePathStyle (the endpoint keeps its own scheme; https when
 * it has none). Each key segment is percent-encoded as Go's url.PathEscape does.
 */
export function s3Location(target: S3LocationTarget, key: string): string {
  const encodedKey = key.split('/').map(escapePathSegment).join('/');
  if (!target.forcePathStyle) return `https://${target.bucket}.s3.amazonaws.com/${encodedKey}`;
  const endpoint = target.endpoint === '' ? 'https://s3.amazonaws.com' : target.endpoint.replace(/\/+$/, '');
  const base = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  return `${base}/${target.bucket}/${encodedKey}`;
}

const KEPT = new Map([
  ['%24', '$'],
  ['%26', '&'],
  ['%2B', '+'],
  ['%2C', ','],
  ['%3A', ':'],
  ['%3B', ';'],
  ['%3D', '='],
  ['%40', '@'],
]);

function escapePathSegment(segment: string): string {
  return encodeURIComponent(segment)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%(24|26|2B|2C|3A|3B|3D|40)/g, (escaped) => KEPT.get(escaped) ?? escaped);
}
