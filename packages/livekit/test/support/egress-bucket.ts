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
  /** Reads an object of the `raw` bucket back into a local file named `name`. */
  download(
    key: string,
    name: string,
  ): Promise<{ localPath: string; bytes: Uint8Array; contentType?: string }>;
  close(): Promise<void>;
}

export async function startEgressBucket(prefix: string): Promise<EgressBucket> {
  const s3Dir = await mkdtemp(path.join(tmpdir(), `${prefix}-s3-`));
  const workDir = await mkdtemp(path.join(tmpdir(), `${prefix}-files-`));
  const s3 = await startEmbeddedS3({ port: 0, dataDir: s3Dir, buckets: ['raw'], publicBuckets: [] });
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: EMBEDDED_S3_CREDENTIALS,
  });
  return {
    endpoint: s3.endpoint,
    client,
    recording: (filepath, bucket = 'raw') => ({
      filepath,
      s3: {
        accessKey: EMBEDDED_S3_CREDENTIALS.accessKeyId,
        secret: EMBEDDED_S3_CREDENTIALS.secretAccessKey,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        bucket,
        forcePathStyle: true,
      },
    }),
    async download(key, name) {
      const object = await client.send(new GetObjectCommand({ Bucket: 'raw', Key: key }));
      const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
      const localPath = path.join(workDir, name);
      await writeFile(localPath, bytes);
      return { localPath, bytes, contentType: object.ContentType };
    },
    async close() {
      client.destroy();
      await s3.stop();
      await rm(s3Dir, { recursive: true, force: true });
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
