import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hostPglite,
  openDatabase,
  openPgliteDatabase,
  openPostgresDatabase,
  PgliteInUseError,
  reachDatabase,
} from '../src/index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'folkemote-pglite-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('one process per PGlite directory', () => {
  it('refuses a second opener with one clear line, until the first has closed it', async () => {
    const first = await openPgliteDatabase(dir);
    try {
      const second = openPgliteDatabase(dir);
      await expect(second).rejects.toBeInstanceOf(PgliteInUseError);
      await expect(second).rejects.toThrow(/^The embedded database in .+ is open in another process[^\n]*$/);
    } finally {
      await first.close();
    }
    const again = await openPgliteDatabase(dir);
    await again.close();
  });

  it('is served over the wire while hosted, so every process sees the same rows', async () => {
    const host = await hostPglite(dir, { port: 0 });
    try {
      expect(host.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      await expect(openPgliteDatabase(dir)).rejects.toBeInstanceOf(PgliteInUseError);
      const reached = await reachDatabase({ kind: 'pglite', dataDir: dir });
      expect(reached).toEqual({ kind: 'postgres', url: host.url });
      // As the API and a command line would: two processes' pools, one database.
      const api = await openDatabase(reached);
      const cli = await openDatabase(reached);
      try {
        await cli.query("insert into organisations (slug, name) values ('somna-kommune', 'Sømna kommune')");
        const { rows } = await api.query<{ name: string }>(
          "select name from organisations where slug = 'somna-kommune'",
        );
        expect(rows).toEqual([{ name: 'Sømna kommune' }]);
      } finally {
        await cli.close();
        await api.close();
      }
    } finally {
      await host.close();
    }
    // Once the host has stopped, nothing answers, and the directory is free again.
    expect(await reachDatabase({ kind: 'pglite', dataDir: dir })).toEqual({ kind: 'pglite', dataDir: dir });
    const direct = await openPgliteDatabase(dir);
    expect((await direct.query('select count(*)::int as n from organisations')).rows).toEqual([{ n: 1 }]);
    await direct.close();
  });

  it('keeps each client’s parameterised queries whole while others roll transactions back', async () => {
    const host = await hostPglite(dir, { port: 0 });
    const writer = await openPostgresDatabase(host.url, { max: 4 });
    const other = await openPostgresDatabase(host.url, { max: 4 });
    try {
      await writer.query('create table marks (k int primary key, done boolean not null default false)');
      await writer.query('insert into marks (k) select generate_series(0, 199)');
      let stop = false;
      const rollingBack = (async () => {
        while (!stop)
          await other
            .transaction(async (tx) => {
              await tx.query("insert into organisations (slug, name) values ('tmp', $1)", ['Midlertidig']);
              throw new Error('roll back');
            })
            .catch(() => {});
      })();
      const told = await Promise.all(
        Array.from({ length: 200 }, (_, k) =>
          writer
            .query('update marks set done = true where k = $1 returning k', [k])
            .then((r) => r.rows.length),
        ),
      );
      stop = true;
      await rollingBack;
      expect(told.reduce((a, b) => a + b, 0)).toBe(200);
      // Every write the writer was told was done is there.
      expect((await writer.query('select count(*)::int as n from marks where done')).rows).toEqual([
        { n: 200 },
      ]);
    } finally {
      await other.close();
      await writer.close();
      await host.close();
    }
  });
});
