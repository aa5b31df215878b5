import type { S3Client } from '@aws-sdk/client-s3';
import type { Database } from '@folkemote/db';
import type { Logger } from '@folkemote/logger';
import type { JobQueues } from '@folkemote/queue';
import type { S3Settings } from '@folkemote/storage';

/** What the pipeline reaches: the API and the worker each hand over their own. */
export interface PipelineDeps {
  db: Database;
  queues: JobQueues;
  s3: S3Client;
  s3Settings: S3Settings;
  log: Logger;
}
