import type { PublicEventPage } from '@folkemote/domain';
import { fetchEvents } from './events-api.ts';
import { type Resource, useApiResource } from '../shared/use-api-resource.ts';

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
