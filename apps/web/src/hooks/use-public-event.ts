import type { PublicEventPage } from '@folkemote/domain';
import { useCallback } from 'react';
import { fetchPublicEvent } from '../api/registration-api.ts';
import { type Resource, useApiResource } from './use-api-resource.ts';

/**
 * One public event with its seats and registration state.
 *
 * @example
 * const event = usePublicEvent(slug);
 * if (event.status === 'ready') render(event.data.title);
 */
export function usePublicEvent(slug: string): Resource<PublicEventPage> {
  const load = useCallback((signal: AbortSignal) => fetchPublicEvent(slug, signal), [slug]);
  return useApiResource(load);
}
