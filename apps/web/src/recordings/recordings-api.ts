import type { RecordingView } from '@folkemote/contract';
import { readList, requestJson } from '../shared/request-json.ts';

export async function fetchRecordings(signal?: AbortSignal): Promise<RecordingView[]> {
  const body = await requestJson('/api/recordings', { signal });
  return readList<RecordingView>(body, 'recordings', '/api/recordings');
}

/** Asks for a failed recording to be processed again (the API answers 202). */
export async function retryRecording(id: string): Promise<void> {
  await requestJson(`/api/recordings/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}
