import type { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '@folkemote/config';
import type { Database } from '@folkemote/db';
import type { Logger } from '@folkemote/logger';
import type { JobQueues } from '@folkemote/queue';
import type { MailSender } from '@folkemote/registration';
import type { S3Settings } from '@folkemote/storage';

/** What every job handler gets: the outside systems, each behind its own package. */
export interface WorkerDeps {
  config: Config;
  db: Database;
  queues: JobQueues;
  s3: S3Client;
  s3Settings: S3Settings;
  /** SMTP when configured; otherwise e-mails stay in the outbox. */
  mail: MailSender;
  log: Logger;
}
