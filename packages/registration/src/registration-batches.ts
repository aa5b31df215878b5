import type { Database } from '@folkemote/db';
import { handOffRegistrationOutboxSoon } from './hand-off-registration-outbox.ts';
import type { RegistrationDeps } from './registration-deps.ts';
import {
  type BatchOutcome,
  type PendingRegistration,
  writeRegistrationBatch,
} from './write-registration-batch.ts';

interface Waiting {
  pending: PendingRegistration;
  resolve(outcome: BatchOutcome): void;
  reject(err: unknown): void;
}

interface Lane {
  waiting: Waiting[];
  running: boolean;
  /** Registrations announced (`announceRegistration`) and not yet submitted or withdrawn. */
  coming: number;
}

/** A registration on its way to its event's lane: received, not yet through the checks before it. */
export interface RegistrationArrival {
  /** It will not reach the lane (refused by an earlier check); calling it after it did changes nothing. */
  withdraw(): void;
}

/**
 * A cap keeps one transaction, and the event lock it holds, short. PGlite runs
 * in this thread and holds up everything else while it works, new connections
 * included: its batches stay smaller, so that the server keeps answering.
 */
const maxBatchFor = (db: Database) => (db.kind === 'pglite' ? 100 : 500);
/** How long a batch waits for announced registrations to reach it, at most. */
const maxGatherMs = 10;

// Per database, per event: registrations for one event in this process wait here for their batch.
const lanes = new WeakMap<Database, Map<string, Lane>>();

function laneFor(db: Database, eventSlug: string): { lane: Lane; byEvent: Map<string, Lane> } {
  let byEvent = lanes.get(db);
  if (!byEvent) {
    byEvent = new Map();
    lanes.set(db, byEvent);
  }
  let lane = byEvent.get(eventSlug);
  if (!lane) {
    lane = { waiting: [], running: false, coming: 0 };
    byEvent.set(eventSlug, lane);
  }
  return { lane, byEvent };
}

function forgetIfIdle(byEvent: Map<string, Lane>, eventSlug: string, lane: Lane) {
  if (!lane.running && lane.waiting.length === 0 && lane.coming === 0 && byEvent.get(eventSlug) === lane)
    byEvent.delete(eventSlug);
}

/**
 * Tells the event's lane that a registration has arrived and is on its way
 * (through the rate limit and the input checks): a batch about to be written
 * waits for it, up to `maxGatherMs`. Pass the arrival to `createRegistration`,
 * or withdraw it if the registration is refused before.
 */
export function announceRegistration(
  deps: Pick<RegistrationDeps, 'db'>,
  eventSlug: string,
): RegistrationArrival {
  const { lane, byEvent } = laneFor(deps.db, eventSlug);
  lane.coming += 1;
  const arrival: RegistrationArrival = {
    withdraw() {
      if (!reached(arrival)) return;
      forgetIfIdle(byEvent, eventSlug, lane);
    },
  };
  announced.set(arrival, lane);
  return arrival;
}

const announced = new WeakMap<RegistrationArrival, Lane>();

/** Stops counting an arrival as coming (once only); false if it was not. */
function reached(arrival: RegistrationArrival): boolean {
  const lane = announced.get(arrival);
  if (!lane) return false;
  announced.delete(arrival);
  lane.coming -= 1;
  return true;
}

/**
 * Group commit: registrations for the same event are collected and written
 * together (`writeRegistrationBatch`): one lock, one statement, one commit for
 * all of them, instead of one each, queued behind each other on the event row.
 * While one batch is being written the next one collects; before it goes it
 * waits for the registrations already announced to this process (`gather`).
 * Across processes the event lock still decides, so the seat count holds
 * however many API processes take registrations. The batch's outbox entries
 * are handed to the job queue a moment later (`handOffRegistrationOutboxSoon`);
 * the answers do not wait for it.
 */
export function submitToRegistrationBatch(
  deps: Pick<RegistrationDeps, 'db' | 'queues'>,
  eventSlug: string,
  pending: PendingRegistration,
  arrival?: RegistrationArrival,
): Promise<BatchOutcome> {
  const { lane, byEvent } = laneFor(deps.db, eventSlug);
  if (arrival) reached(arrival);
  const answer = new Promise<BatchOutcome>((resolve, reject) => {
    lane.waiting.push({ pending, resolve, reject });
  });
  if (!lane.running) {
    lane.running = true;
    void drainLane(deps, eventSlug, lane, byEvent);
  }
  return answer;
}

/**
 * Waits for the registrations announced to this lane: read from their sockets,
 * still in the rate limit or the input checks. One turn of the event loop
 * first, so that requests already waiting in the sockets are read and
 * announced too. In a burst they arrive over a few milliseconds; one batch for
 * all of them costs one commit where a few going ahead alone would cost two,
 * with the rest waiting behind them.
 */
async function gather(lane: Lane, maxBatch: number): Promise<void> {
  const started = performance.now();
  await new Promise((resolve) => setImmediate(resolve));
  while (lane.coming > 0 && lane.waiting.length < maxBatch && performance.now() - started < maxGatherMs)
    await new Promise((resolve) => setTimeout(resolve, 1));
}

async function drainLane(
  deps: Pick<RegistrationDeps, 'db' | 'queues'>,
  eventSlug: string,
  lane: Lane,
  byEvent: Map<string, Lane>,
): Promise<void> {
  const maxBatch = maxBatchFor(deps.db);
  while (lane.waiting.length > 0) {
    await gather(lane, maxBatch);
    const batch = lane.waiting.splice(0, maxBatch);
    try {
      const outcomes = await writeRegistrationBatch(
        deps,
        eventSlug,
        batch.map((w) => w.pending),
      );
      handOffRegistrationOutboxSoon(deps, () => byEvent.size > 0);
      batch.forEach((w, i) => {
        w.resolve(outcomes[i]!);
      });
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
  lane.running = false;
  forgetIfIdle(byEvent, eventSlug, lane);
}
