import path from 'node:path';
import {
  createS3Client,
  EMBEDDED_S3_CREDENTIALS,
  type EmbeddedS3,
  startEmbeddedS3,
} from '@folkemote/storage';
import { freePort } from '@folkemote/system/testing';
import { type RunningNginx, startNginx, writeNginxConfig } from './public-cache-nginx.ts';

/** A public bucket on the embedded S3-protocol server, with nginx on the production cache file in front. */
export interface CachedBucket {
  s3: EmbeddedS3;
  client: ReturnType<typeof createS3Client>;
  proxy: RunningNginx;
  configFile: string;
  /** Stops nginx, then the S3 server; the directory is the caller's. */
  stop(): Promise<void>;
}

export async function startCachedBucket(nginx: string, dir: string, bucket: string): Promise<CachedBucket> {
  const s3 = await startEmbeddedS3({ port: 0, dataDir: path.join(dir, 's3'), buckets: [bucket] });
  const client = createS3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    ...EMBEDDED_S3_CREDENTIALS,
    forcePathStyle: true,
    rawBucket: bucket,
    publicBucket: bucket,
    publicBaseUrl: `${s3.endpoint}/${bucket}`,
  });
  const stopOrigin = async () => {
    client.destroy();
    await s3.stop();
  };
  try {
    const port = await freePort();
    const configFile = await writeNginxConfig(path.join(dir, 'nginx'), {
      listen: `127.0.0.1:${port}`,
      cacheDir: path.join(dir, 'nginx', 'cache'),
      origin: new URL(s3.endpoint).host,
      bucket,
    });
    const proxy = await startNginx(nginx, configFile, port);
    return {
      s3,
      client,
      proxy,
      configFile,
      async stop() {
        await proxy.stop();
        await stopOrigin();
      },
    };
  } catch (error) {
    await stopOrigin();
    throw error;
  }
}
