import type { Config } from '@folkemote/config';
import type { Database } from '@folkemote/db';
import type { Logger } from '@folkemote/logger';
import type { JobQueues } from '@folkemote/queue';
import { createMailSender } from '@folkemote/registration';
import { createS3Client, type S3Settings } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';
import { instrumentS3Uploads } from './s3-upload-metrics.ts';

export function s3SettingsFrom(config: Config): S3Settings {
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

export function createWorkerDeps(config: Config, db: Database, queues: JobQueues, log: Logger): WorkerDeps {
  const s3Settings = s3SettingsFrom(config);
  const s3 = createS3Client(s3Settings);
  instrumentS3Uploads(s3, [s3Settings.rawBucket, s3Settings.publicBucket]);
  return {
    config,
    db,
    queues,
    s3,
    s3Settings,
    mail: createMailSender(config.mail),
    log,
  };
}
