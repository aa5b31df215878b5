import type { PublicEventPage } from '@folkemote/contract';
import { readList, requestJson } from '../shared/request-json.ts';

export async function fetchEvents(signal?: AbortSignal): Promise<PublicEventPage[]> {
  const body = await requestJson('/api/events', { signal });
  return readList<PublicEventPage>(body, 'events', '/api/events');
}
