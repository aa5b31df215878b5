import type { Config } from '@folkemote/config';
import type { Database } from '@folkemote/db';
import type { Logger } from '@folkemote/logger';
import { instrumentS3Uploads } from '@folkemote/metrics';
import type { JobQueues } from '@folkemote/queue';
import { createMailSender } from '@folkemote/registration';
import { createS3Client, s3SettingsFrom } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';

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
