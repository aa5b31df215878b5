import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  createS3Client,
  EMBEDDED_S3_CREDENTIALS,
  type EmbeddedS3,
  type S3Settings,
  startEmbeddedS3,
} from '../../src/index.ts';

export interface TestS3 {
  s3: EmbeddedS3;
  settings: S3Settings;
  client: S3Client;
  dataDir: string;
  /** Another client for the same settings, e.g. one that goes through a proxy. */
  clientFor(endpoint: string): S3Client;
  stop(): Promise<void>;
}

/** An embedded S3-protocol server on a free loopback port, with its data in a temporary directory. */
export async function startTestS3(): Promise<TestS3> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'folkemote-s3-'));
  const settings: Omit<S3Settings, 'endpoint' | 'publicBaseUrl'> = {
    region: 'us-east-1',
    ...EMBEDDED_S3_CREDENTIALS,
    forcePathStyle: true,
    rawBucket: 'test-raw',
    publicBucket: 'test-public',
  };
  const s3 = await startEmbeddedS3({
    port: 0,
    dataDir,
    buckets: [settings.rawBucket, settings.publicBucket],
    publicBuckets: [settings.publicBucket],
  });
  const full: S3Settings = {
    ...settings,
    endpoint: s3.endpoint,
    publicBaseUrl: `${s3.endpoint}/test-public`,
  };
  const clients: S3Client[] = [];
  const clientFor = (endpoint: string) => {
    const client = createS3Client({ ...full, endpoint });
    clients.push(client);
    return client;
  };
  const client = clientFor(s3.endpoint);
  return {
    s3,
    settings: full,
    client,
    dataDir,
    clientFor,
    async stop() {
      for (const each of clients) each.destroy();
      await s3.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
