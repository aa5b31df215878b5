/** One measured step: how many subscribers, and whether the node carried them. */
export interface StepOutcome {
  subscribers: number;
  carried: boolean;
}

export interface StepPlan {
  /** The first count tried. */
  first: number;
  /** Never more subscribers than this. */
  max: number;
  /** Never more steps than this. */
  maxSteps: number;
  /** Stop narrowing once the largest carried and the smallest failed count are this close. */
  resolution: number;
}

/**
 * The next subscriber count to try, or undefined when the search is done: doubling from `first`
 * while the node carries the load, then halving the gap between the largest count it carried
 * and the smallest it did not.
 */
export function nextSubscriberCount(outcomes: readonly StepOutcome[], plan: StepPlan): number | undefined {
  if (outcomes.length >= plan.maxSteps) return undefined;
  if (outcomes.length === 0) return Math.min(plan.first, plan.max);
  const carried = outcomes.filter((o) => o.carried).map((o) => o.subscribers);
  const failed = outcomes.filter((o) => !o.carried).map((o) => o.subscribers);
  const lo = carried.length ? Math.max(...carried) : 0;
  const hi = failed.length ? Math.min(...failed) : undefined;
  if (hi === undefined) {
    if (lo >= plan.max) return undefined;
    return Math.min(lo * 2, plan.max);
  }
  if (hi - lo <= plan.resolution) return undefined;
  const next = Math.round((lo + hi) / 2);
  return next > lo && next < hi ? next : undefined;
}

/** The largest count carried below the smallest that failed (a later failure below it wins). */
export function largestCarried(outcomes: readonly StepOutcome[]): number {
  const failed = outcomes.filter((o) => !o.carried).map((o) => o.subscribers);
  const ceiling = failed.length ? Math.min(...failed) : Number.POSITIVE_INFINITY;
  const carried = outcomes.filter((o) => o.carried && o.subscribers < ceiling).map((o) => o.subscribers);
  return carried.length ? Math.max(...carried) : 0;
}
