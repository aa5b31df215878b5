/** A raised hand staff have not been told about yet. */
export interface HandAlert {
  identity: string;
  displayName: string;
  raisedAt: string;
}

/**
 * The hands raised since the last view: those in `next` that were not up in
 * `previous` (the same person raising again after lowering counts anew). The
 * first view of the room (`previous` null) alerts nothing: staff see the list.
 */
export function newlyRaisedHands(
  previous: readonly HandAlert[] | null,
  next: readonly HandAlert[],
): HandAlert[] {
  if (previous === null) return [];
  const before = new Set(previous.map((h) => `${h.identity}@${h.raisedAt}`));
  return next.filter((h) => !before.has(`${h.identity}@${h.raisedAt}`));
}
