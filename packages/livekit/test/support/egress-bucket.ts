import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { EMBEDDED_S3_CREDENTIALS, startEmbeddedS3 } from '@folkemote/storage';
import type { RoomRecordingRequest } from '../../src/index.ts';

/** An embedded S3 server with a `raw` bucket for egress to record into, and a folder for what is read back. */
export interface EgressBucket {
  endpoint: string;
  client: S3Client;
  /** A recording request for `filepath` in `bucket`, with the server's credentials. */
  recording(filepath: string, bucket?: string): RoomRecordingRequest;
  /** A broadcast's request: the MP4 in `raw`, the HLS stream under `prefix` of `public`. */
  broadcast(filepath: string, prefix: string, streamBucket?: string): RoomRecordingRequest;
  /** Reads an object (of the `raw` bucket unless named) back into a local file named `name`. */
  download(
    key: string,
    name: string,
    bucket?: string,
  ): Promise<{ localPath: string; bytes: Uint8Array; contentType?: string; cacheControl?: string }>;
  close(): Promise<void>;
}

export async function startEgressBucket(prefix: string): Promise<EgressBucket> {
  const s3Dir = await mkdtemp(path.join(tmpdir(), `${prefix}-s3-`));
  const workDir = await mkdtemp(path.join(tmpdir(), `${prefix}-files-`));
  const s3 = await startEmbeddedS3({
    port: 0,
    dataDir: s3Dir,
    buckets: ['raw', 'public'],
    publicBuckets: [],
  });
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: EMBEDDED_S3_CREDENTIALS,
  });
  const target = (bucket: string) => ({
    accessKey: EMBEDDED_S3_CREDENTIALS.accessKeyId,
    secret: EMBEDDED_S3_CREDENTIALS.secretAccessKey,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    bucket,
    forcePathStyle: true,
  });
  return {
    endpoint: s3.endpoint,
    client,
    recording: (filepath, bucket = 'raw') => ({ filepath, s3: target(bucket) }),
    broadcast: (filepath, prefix, streamBucket = 'public') => ({
      filepath,
      s3: target('raw'),
      segments: { prefix, s3: target(streamBucket) },
    }),
    async download(key, name, bucket = 'raw') {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
      const localPath = path.join(workDir, name);
      await writeFile(localPath, bytes);
      return { localPath, bytes, contentType: object.ContentType, cacheControl: object.CacheControl };
    },
    async close() {
      client.destroy();
      await s3.stop();
      await rm(s3Dir, { recursive: true, force: true });
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
