import type { PublicEventPage } from '@folkemote/domain';
import { type Resource, useApiResource } from '../shared/use-api-resource.ts';
import { fetchEvents } from './events-api.ts';

/**
 * The public events, loaded once.
 *
 * @example
 * const events = useEvents();
 * if (events.status === 'ready') render(events.data);
 */
export function useEvents(): Resource<PublicEventPage[]> {
  return useApiResource(fetchEvents);
}
