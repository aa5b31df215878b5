import type { Database } from '@folkemote/db';
import type { JobQueues } from '@folkemote/queue';

/** What the registration functions need: the database, the job queues and where people reach the app. */
export interface RegistrationDeps {
  db: Database;
  queues: Pick<JobQueues, 'enqueue' | 'enqueueBulk' | 'queue'>;
  publicAppUrl: string;
}
