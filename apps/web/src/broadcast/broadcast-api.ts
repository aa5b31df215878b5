import type { EventBroadcast } from '@folkemote/contract';
import { requestJson } from '../shared/request-json.ts';

/** A broadcast event's public address, embed snippet and state (organisers of its organisation). */
export async function fetchEventBroadcast(slug: string, signal?: AbortSignal): Promise<EventBroadcast> {
  return (await requestJson(`/api/events/${encodeURIComponent(slug)}/broadcast`, {
    signal,
  })) as EventBroadcast;
}
