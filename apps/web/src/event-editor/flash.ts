/**
 * A message for the next page, shown once: "created" after the new-event page
 * moves on to the editor. Kept in memory; a reload drops it, as it should.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/** The waiting message, left in place so a render that runs twice sees it both times. */
export function peekFlash(): string | null {
  return pending;
}

export function clearFlash(): void {
  pending = null;
}
