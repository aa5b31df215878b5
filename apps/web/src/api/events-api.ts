import type { PublicEvent } from '@folkemote/domain';
import { readList, requestJson } from './request-json.ts';

export async function fetchEvents(signal?: AbortSignal): Promise<PublicEvent[]> {
  const body = await requestJson('/api/events', { signal });
  return readList<PublicEvent>(body, 'events', '/api/events');
}
