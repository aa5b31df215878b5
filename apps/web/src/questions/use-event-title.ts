import { usePublicEvent } from '../events/use-public-event.ts';

/** The event's title for a heading, or null while unknown (or when the event page is not public). */
export function useEventTitle(slug: string): string | null {
  const event = usePublicEvent(slug);
  return event.status === 'ready' ? event.data.title : null;
}
