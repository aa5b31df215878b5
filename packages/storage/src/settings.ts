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
