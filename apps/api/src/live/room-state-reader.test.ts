import type { Queryable } from '@folkemote/db';
import { describe, expect, it } from 'vitest';
import { createRoomStateReader } from './room-state-reader.ts';

/** A database that records when each read of the room begins and ends, and answers when told to. */
function gatedDatabase() {
  const log: string[] = [];
  let reads = 0;
  const gates: Array<() => void> = [];
  const db: Queryable = {
    async query<Row>(sql: string) {
      const read = sql.includes('from live_rooms') ? ++reads : null;
      if (read) log.push(`start ${read}`);
      await new Promise<void>((resolve) => gates.push(resolve));
      if (read) log.push(`end ${read}`);
      return { rows: [] as Row[] };
    },
  };
  const flush = async () => {
    for (let i = 0; i < 20; i++) {
      for (const open of gates.splice(0)) open();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { db, log, flush, reads: () => reads };
}

describe('the room state reader', () => {
  it('serves every stream that asks during a read with one read begun after they asked', async () => {
    const { db, log, flush, reads } = gatedDatabase();
    const reader = createRoomStateReader(db);

    const first = reader.read('event-1');
    await new Promise((resolve) => setImmediate(resolve));
    // A change was heard while the first read runs: these callers need a read that begins after it.
    const later = [reader.read('event-1'), reader.read('event-1'), reader.read('event-1')];
    await flush();
    const states = await Promise.all([first, ...later]);

    expect(reads()).toBe(2);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    expect(states[1]).toBe(states[2]);
    expect(states[1]).toBe(states[3]);
    expect(states[0]).not.toBe(states[1]);
  });

  it('reads again for a caller that asks once the reads have settled, and keeps events apart', async () => {
    const { db, flush, reads } = gatedDatabase();
    const reader = createRoomStateReader(db);
    const one = reader.read('event-1');
    const other = reader.read('event-2');
    await flush();
    await Promise.all([one, other]);
    expect(reads()).toBe(2);

    const again = reader.read('event-1');
    await flush();
    await again;
    expect(reads()).toBe(3);
  });

  it('passes a failed read to its callers and reads afresh for the next', async () => {
    let fail = true;
    const db: Queryable = {
      async query<Row>() {
        if (fail) throw new Error('connection lost');
        return { rows: [] as Row[] };
      },
    };
    const reader = createRoomStateReader(db);
    await expect(reader.read('event-1')).rejects.toThrow('connection lost');
    fail = false;
    await expect(reader.read('event-1')).resolves.toMatchObject({ room: null, participants: [] });
  });
});
