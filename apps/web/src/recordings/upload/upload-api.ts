import type { RecordingUploadView, RecordingView } from '@folkemote/contract';
import { readList, requestJson } from '../../shared/request-json.ts';

const json = (method: string, body?: unknown) => ({
  method,
  ...(body === undefined
    ? {}
    : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
});

export interface NewUpload {
  title: string;
  event?: string;
  fileName: string;
  fileSize: number;
  fileModified: number;
  contentType: string;
}

export async function startUpload(input: NewUpload): Promise<RecordingUploadView> {
  return (await requestJson('/api/recording-uploads', json('POST', input))) as RecordingUploadView;
}

export async function fetchOpenUploads(signal?: AbortSignal): Promise<RecordingUploadView[]> {
  const body = await requestJson('/api/recording-uploads', { signal });
  return readList<RecordingUploadView>(body, 'uploads', '/api/recording-uploads');
}

const path = (id: string, action = '') => `/api/recording-uploads/${encodeURIComponent(id)}${action}`;

export interface SignedParts {
  urls: Array<{ partNumber: number; url: string }>;
  expiresAt: string;
}

export async function signParts(id: string, partNumbers: number[]): Promise<SignedParts> {
  return (await requestJson(path(id, '/part-urls'), json('POST', { partNumbers }))) as SignedParts;
}

export async function fetchStoredParts(id: string): Promise<Array<{ partNumber: number; size: number }>> {
  const body = await requestJson(path(id, '/parts'));
  return readList(body, 'parts', path(id, '/parts'));
}

export async function completeUpload(id: string): Promise<RecordingView> {
  return (await requestJson(path(id, '/complete'), json('POST'))) as RecordingView;
}

export async function abortUpload(id: string): Promise<void> {
  await requestJson(path(id), json('DELETE'));
}
