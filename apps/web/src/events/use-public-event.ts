import type { PublicEventPage } from '@folkemote/domain';
import { useCallback, useState } from 'react';
import { fetchPublicEvent } from '../registration/registration-api.ts';
import { type Resource, useApiResource } from '../shared/use-api-resource.ts';

/**
 * One public event with its seats and registration state; `refresh` asks again (after one's own
 * registration, so the seat count is current) and keeps what is shown until the answer comes.
 *
 * @example
 * const event = usePublicEvent(slug);
 * if (event.status === 'ready') render(event.data.title);
 */
export function usePublicEvent(slug: string): Resource<PublicEventPage> & { refresh: () => void } {
  const [round, setRound] = useState(0);
  // A new round is what asks again.
  const load = useCallback((signal: AbortSignal) => fetchPublicEvent(slug, signal), [slug, round]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { ...useApiResource(load), refresh };
}
