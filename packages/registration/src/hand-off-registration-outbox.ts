import {
  claimRegistrationOutbox,
  type Database,
  deleteRegistrationOutbox,
  type Queryable,
  releaseRegistrationOutbox,
} from '@folkemote/db';
import type { BulkJob } from '@folkemote/queue';
import type { RegistrationDeps } from './registration-deps.ts';
import { remindersAhead, removeReminders } from './schedule-reminders.ts';

/** How long a pass holds the entries it claimed; one that dies lets them go when it is up. */
const leaseSeconds = 30;

/**
 * Moves up to `limit` outbox entries to the job queue: the confirmation e-mails
 * and the reminders of new seats, each kind in one round trip. The entries are
 * claimed first and deleted once the jobs are in Redis; if the queue cannot be
 * reached they are let go for the next pass, and a pass that dies in between
 * leaves them to the next one after its claim runs out. The jobs carry ids
 * made from the entry, so handing one on twice adds nothing while its job
 * waits. No transaction is held open while Redis is asked. Returns how many
 * entries were handed on.
 */
export async function handOffRegistrationOutbox(
  deps: Pick<RegistrationDeps, 'db' | 'queues'>,
  limit = 1000,
  now = new Date(),
): Promise<number> {
  // Losing a claim or a deletion in a crash only hands the entries on again, which the job ids
  // make harmless: these commits need not wait for the disk, which the registrations' commits do.
  const quickly = <T>(write: (tx: Queryable) => Promise<T>) =>
    deps.db.transaction(async (tx) => {
      await tx.query('set local synchronous_commit = off');
      return write(tx);
    });
  const entries = await quickly((tx) => claimRegistrationOutbox(tx, limit, leaseSeconds));
  if (entries.length === 0) return 0;
  const ids = entries.map((e) => e.id);
  try {
    const emails: BulkJob<'registration.email'>[] = entries.map((e) => ({
      payload: { registrationId: e.registrationId, kind: e.emailKind },
      jobId: `registration-outbox-${e.id}`,
    }));
    const seated = entries.filter((e) => e.reminders !== 'none' && e.status === 'confirmed');
    // A seat taken again may still have reminders from before its cancellation.
    for (const e of seated) if (e.reminders === 'replace') await removeReminders(deps, e.registrationId);
    const reminders = seated.flatMap((e) =>
      remindersAhead(e.startsAt, now).map(
        ({ kind, delayMs }): BulkJob<'registration.reminder'> => ({
          payload: { registrationId: e.registrationId, kind },
          delayMs,
        }),
      ),
    );
    await Promise.all([
      deps.queues.enqueueBulk('registration.email', emails),
      deps.queues.enqueueBulk('registration.reminder', reminders),
    ]);
  } catch (err) {
    await quickly((tx) => releaseRegistrationOutbox(tx, ids)).catch(() => {});
    throw err;
  }
  await quickly((tx) => deleteRegistrationOutbox(tx, ids));
  return entries.length;
}

interface Drain {
  running: Promise<void> | null;
  queued: Promise<void> | null;
  onError: (err: unknown) => void;
  soon: { timer: NodeJS.Timeout; deps: Pick<RegistrationDeps, 'db' | 'queues'> } | null;
}
const drains = new WeakMap<Database, Drain>();
const passSize = 500;

function drainFor(db: Database): Drain {
  let drain = drains.get(db);
  if (!drain) {
    drain = { running: null, queued: null, onError: () => {}, soon: null };
    drains.set(db, drain);
  }
  return drain;
}

/**
 * Empties the outbox, one pass at a time per database in this process: a call
 * while a pass runs waits for one more pass after it, which also takes every
 * entry written meanwhile, so a burst of registrations is handed on in a few
 * large batches. Never rejects: what is not handed on now stays in the outbox
 * for the next pass or the periodic sweep.
 */
export function drainRegistrationOutbox(deps: Pick<RegistrationDeps, 'db' | 'queues'>): Promise<void> {
  const drain = drainFor(deps.db);
  // A pass now takes whatever a deferred one (`handOffRegistrationOutboxSoon`) would have.
  if (drain.soon) {
    clearTimeout(drain.soon.timer);
    drain.soon = null;
  }
  if (!drain.running) {
    drain.running = (async () => {
      try {
        // A full pass may have left more; anything written after it started has a pass queued.
        while ((await handOffRegistrationOutbox(deps, passSize)) === passSize);
      } catch (err) {
        drain.onError(err);
      } finally {
        drain.running = null;
      }
    })();
    return drain.running;
  }
  drain.queued ??= drain.running.then(() => {
    drain.queued = null;
    return drainRegistrationOutbox(deps);
  });
  return drain.queued;
}

/** Once registrations have stopped for this long, the outbox is handed on… */
const settleMs = 25;
/** …or after this long, if they go on: e-mail a few seconds late beats answers held up by queueing it. */
const maxDeferMs = 5000;

/**
 * Hands the outbox on once registrations have stopped coming for a moment
 * (`busy` says whether any are being written; at most `maxDeferMs` after the
 * first call): during a burst the answers go first, and the e-mail jobs follow
 * in a few large passes instead of competing with the answers for the
 * processor and the database.
 */
export function handOffRegistrationOutboxSoon(
  deps: Pick<RegistrationDeps, 'db' | 'queues'>,
  busy: () => boolean,
): void {
  const drain = drainFor(deps.db);
  if (drain.soon) return;
  const since = performance.now();
  const check = () => {
    if (busy() && performance.now() - since < maxDeferMs) {
      arm();
      return;
    }
    drain.soon = null;
    void drainRegistrationOutbox(deps);
  };
  const arm = () => {
    const timer = setTimeout(check, settleMs);
    // A process that exits meanwhile leaves the entries to the sweep of the next one.
    timer.unref();
    drain.soon = { timer, deps };
  };
  arm();
}

/**
 * Hands on what a process that stopped left in the outbox: once at the start,
 * then every `intervalMs`. `stop` waits for a pass under way.
 */
export function startRegistrationOutboxSweep(
  deps: Pick<RegistrationDeps, 'db' | 'queues'>,
  options: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): { stop(): Promise<void> } {
  const drain = drainFor(deps.db);
  if (options.onError) drain.onError = options.onError;
  void drainRegistrationOutbox(deps);
  const timer = setInterval(() => void drainRegistrationOutbox(deps), options.intervalMs ?? 10_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      if (drain.soon) {
        // Hands on what this process still holds back before it goes.
        clearTimeout(drain.soon.timer);
        const pending = drain.soon.deps;
        drain.soon = null;
        await drainRegistrationOutbox(pending);
      }
      await drain.queued;
      await drain.running;
    },
  };
}
