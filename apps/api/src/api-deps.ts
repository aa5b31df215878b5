import type { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '@folkemote/config';
import type { Database } from '@folkemote/db';
import type { Logger } from '@folkemote/logger';
import type { JobQueues } from '@folkemote/queue';
import type { S3Settings } from '@folkemote/storage';
import type { Redis } from 'ioredis';

export interface ApiDeps {
  config: Config;
  db: Database;
  redis: Redis;
  queues: JobQueues;
  s3: S3Client;
  s3Settings: S3Settings;
  log: Logger;
}
