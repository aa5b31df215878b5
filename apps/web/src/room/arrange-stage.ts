/** The little of a LiveKit track reference that arranging the stage needs. */
export interface StageTrack {
  source: string;
  participant: { identity: string };
  /** Present when the track is published; a placeholder has none. */
  publication?: unknown;
}

export interface StageArrangement<T> {
  /** A shared screen, shown large; null when nobody shares one. */
  focus: T | null;
  /** Cameras (and any further screens) beside the focus, or the whole grid without one. */
  side: T[];
}

/**
 * What the stage shows: a shared screen large with the presenters' cameras beside it, or the
 * cameras in a grid. Camera placeholders are kept only for people on stage, so the audience
 * (also participants in LiveKit) never fills the stage with empty tiles.
 */
export function arrangeStage<T extends StageTrack>(
  tracks: readonly T[],
  onStage: ReadonlySet<string>,
): StageArrangement<T> {
  const shown = tracks.filter(
    (t) => t.publication !== undefined || (t.source === 'camera' && onStage.has(t.participant.identity)),
  );
  const focus = shown.find((t) => t.source === 'screen_share' && t.publication !== undefined) ?? null;
  return { focus, side: shown.filter((t) => t !== focus) };
}

/**
 * Who each tile shows, by identity, as our room view names them: the name a LiveKit participant
 * carries is never shown, so nobody appears on stage under a name of their own choosing.
 */
export function stageNames(
  stage: readonly { identity: string; displayName: string }[],
): ReadonlyMap<string, string> {
  return new Map(stage.map((person) => [person.identity, person.displayName]));
}
