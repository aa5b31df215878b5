import type { RecordingTrimView } from '@folkemote/contract';
import type { TimeRange } from '@folkemote/domain';
import { requestJson } from '../../shared/request-json.ts';

const url = (id: string) => `/api/recordings/${encodeURIComponent(id)}/trim`;

export async function fetchTrim(recordingId: string, signal?: AbortSignal): Promise<RecordingTrimView> {
  return (await requestJson(url(recordingId), { signal })) as RecordingTrimView;
}

/** Asks for a new version with these cuts (source seconds); an empty list restores the original. */
export async function requestTrim(recordingId: string, cuts: TimeRange[]): Promise<RecordingTrimView> {
  return (await requestJson(url(recordingId), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cuts }),
  })) as RecordingTrimView;
}
