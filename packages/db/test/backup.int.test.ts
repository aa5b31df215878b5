import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkRestorable,
  dumpDatabase,
  RestoreRefusedError,
  restoreDatabase,
  upsertEvent,
  upsertOrganisation,
} from '../src/index.ts';
import { createTestDatabase, databaseKindsUnderTest } from '../src/testing/index.ts';

const kinds = await databaseKindsUnderTest();
const otherKind = (kind: 'pglite' | 'postgres') =>
  kind === 'pglite' && kinds.includes('postgres') ? 'postgres' : 'pglite';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-dump-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.each(kinds)('a logical dump of %s', (kind) => {
  it(`loads into an empty ${otherKind(kind)} whole: rows, references to the same table, sequences`, async () => {
    const source = await createTestDatabase(kind);
    const target = await createTestDatabase(otherKind(kind));
    try {
      await upsertOrganisation(source.db, { slug: 'testkommune', name: 'Testkommune' });
      const event = await upsertEvent(source.db, {
        slug: 'sikring',
        title: 'Sikring «og» gjenoppretting',
        description: 'Linje én\nlinje to',
        startsAt: '2027-01-01T10:00:00.000Z',
        endsAt: '2027-01-01T11:00:00.000Z',
        organisationSlug: 'testkommune',
        language: 'nn',
        contact: { name: 'Rådgiver', email: 'r@example.no', phone: null },
      } as Parameters<typeof upsertEvent>[1]);
      // The older question is merged into the newer one: loaded in the order written, its reference
      // names a row that is not there yet.
      const { rows } = await source.db.query<{ id: string }>(
        `insert into questions (event_id, status, text) values ($1, 'merged', 'Først'), ($1, 'live', 'Så') returning id`,
        [event.id],
      );
      await source.db.query('update questions set merged_into_id = $1 where id = $2', [
        rows[1]!.id,
        rows[0]!.id,
      ]);
      await source.db.query(`select nextval('registration_queue_seq') from generate_series(1, 41)`);
      const dir = path.join(tmp, kind);
      const dump = await dumpDatabase(source.db, dir);
      expect(dump.tables.find((t) => t.name === 'questions')?.rows).toBe(2);
      // Every table comes after the tables it refers to.
      const order = dump.tables.map((t) => t.name);
      expect(order.indexOf('organisations')).toBeLessThan(order.indexOf('events'));
      expect(order.indexOf('events')).toBeLessThan(order.indexOf('questions'));

      await restoreDatabase(target.db, dir, dump);
      const copied = await target.db.query<{ text: string; merged_into_id: string | null; id: string }>(
        'select id, text, merged_into_id from questions order by created_at, text',
      );
      expect(copied.rows).toEqual([
        { id: rows[0]!.id, text: 'Først', merged_into_id: rows[1]!.id },
        { id: rows[1]!.id, text: 'Så', merged_into_id: null },
      ]);
      const restoredEvent = await target.db.query<{ title: string; description: string }>(
        'select title, description from events',
      );
      expect(restoredEvent.rows).toEqual([
        { title: 'Sikring «og» gjenoppretting', description: 'Linje én\nlinje to' },
      ]);
      const next = await target.db.query<{ n: string }>(
        `select nextval('registration_queue_seq')::text as n`,
      );
      expect(next.rows[0]!.n).toBe('42');

      // Not twice, and not into another schema version.
      await expect(checkRestorable(target.db, dump)).rejects.toThrow(/not empty/);
      const empty = await createTestDatabase(otherKind(kind));
      try {
        const older = { ...dump, migrations: dump.migrations.slice(0, -1) };
        await expect(restoreDatabase(empty.db, dir, older)).rejects.toBeInstanceOf(RestoreRefusedError);
        expect((await empty.db.query('select 1 from events')).rows).toHaveLength(0);
      } finally {
        await empty.drop();
      }
    } finally {
      await source.drop();
      await target.drop();
    }
  });
});
