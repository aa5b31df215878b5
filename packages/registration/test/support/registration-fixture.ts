import { randomBytes } from 'node:crypto';
import { updateEventRegistrationSettings, upsertEvent, upsertOrganisation } from '@folkemote/db';
import { createTestDatabase, type TestDatabase } from '@folkemote/db/testing';
import type { PublicEvent } from '@folkemote/domain';
import { createJobQueues, createRedisConnection, type JobQueues } from '@folkemote/queue';
import type { RegistrationDeps } from '../../src/index.ts';

export interface RegistrationFixture {
  database: TestDatabase;
  queues: JobQueues;
  deps: RegistrationDeps;
  close(): Promise<void>;
}

/** A test database of the kind with the test organisation, job queues under a prefix of their own, and the deps on both. */
export async function openRegistrationFixture(kind: 'pglite' | 'postgres'): Promise<RegistrationFixture> {
  const database = await createTestDatabase(kind);
  const redis = createRedisConnection('redis://127.0.0.1:6379');
  const queues = createJobQueues(redis, `test-${randomBytes(4).toString('hex')}`);
  await upsertOrganisation(database.db, { slug: 'testkommune', name: 'Testkommune' });
  return {
    database,
    queues,
    deps: { db: database.db, queues, publicAppUrl: 'http://localhost:3000' },
    async close() {
      await queues.close();
      redis.disconnect();
      await database.drop();
    },
  };
}

/** A published, hour-long event of the test organisation, with these registration settings. */
export async function publishedEvent(
  database: TestDatabase,
  startsAt: Date,
  settings: Parameters<typeof updateEventRegistrationSettings>[2],
): Promise<PublicEvent> {
  const event = await upsertEvent(database.db, {
    slug: `webinar-${randomBytes(4).toString('hex')}`,
    title: 'Webinar om folkehelse',
    description: '',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
    organisationSlug: 'testkommune',
    language: 'nb',
    contact: { name: 'Kontakt', email: 'kontakt@example.no' },
  });
  await updateEventRegistrationSettings(database.db, event.id, { status: 'published', ...settings });
  return event;
}
