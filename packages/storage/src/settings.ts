/** How the apps reach object storage; `Config['s3']` from @folkemote/config satisfies it. */
export interface S3Settings {
  /** Unset means AWS itself; set it for MinIO, Ceph, Garage, s3rver and the like. */
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Sources as LiveKit Egress or `pnpm cli import` wrote them; never public. */
  rawBucket: string;
  /** The static, cookieless replay site. */
  publicBucket: string;
  /** The public bucket as viewers reach it (CDN or bucket URL), without a trailing slash. */
  publicBaseUrl: string;
}

/** The settings alone, from the configuration's `s3` (which carries the embedded server's too). */
export function s3SettingsFrom(config: { s3: S3Settings }): S3Settings {
  const { s3 } = config;
  return {
    endpoint: s3.endpoint,
    region: s3.region,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: s3.forcePathStyle,
    rawBucket: s3.rawBucket,
    publicBucket: s3.publicBucket,
    publicBaseUrl: s3.publicBaseUrl,
  };
}
