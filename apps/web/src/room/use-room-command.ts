import { useCallback, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import type { RoomView } from './room-api.ts';

/**
 * Runs one room action at a time (go live, raise a hand, bring someone on stage …), keeping
 * which one is under way, for busy labels, and the last failure, to show.
 *
 * @example
 * const command = useRoomCommand(room.apply);
 * command.run('live', () => runRoomAction(slug, auth, 'live'));
 */
export function useRoomCommand(apply: (view: RoomView) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    async (name: string, work: () => Promise<RoomView>): Promise<boolean> => {
      setBusy(name);
      setError(null);
      try {
        // Every action answers with the room as it now stands; the stream brings the same soon after.
        apply(await work());
        return true;
      } catch (e) {
        setError(toApiError(e));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [apply],
  );

  return { busy, error, run };
}

export type RoomCommand = ReturnType<typeof useRoomCommand>;
