import type { RecordingView } from '@folkemote/contract';
import { requestJson } from '../../shared/request-json.ts';

const recordingPath = (id: string) => `/api/recordings/${encodeURIComponent(id)}`;

/** One recording as its organisers see it (the API answers the public view to anyone else). */
export async function fetchRecording(id: string, signal?: AbortSignal): Promise<RecordingView> {
  return (await requestJson(recordingPath(id), { signal })) as RecordingView;
}

export async function publishRecording(id: string): Promise<void> {
  await requestJson(`${recordingPath(id)}/publish`, { method: 'POST' });
}

export async function unpublishRecording(id: string): Promise<void> {
  await requestJson(`${recordingPath(id)}/unpublish`, { method: 'POST' });
}

export async function renameRecording(id: string, title: string): Promise<void> {
  await requestJson(recordingPath(id), {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
}

export async function deleteRecording(id: string): Promise<void> {
  await requestJson(recordingPath(id), { method: 'DELETE' });
}

const autoPublishPath = (slug: string) => `/api/events/${encodeURIComponent(slug)}/auto-publish`;

export async function fetchAutoPublish(slug: string, signal?: AbortSignal): Promise<boolean> {
  return ((await requestJson(autoPublishPath(slug), { signal })) as { autoPublish: boolean }).autoPublish;
}

export async function saveAutoPublish(slug: string, autoPublish: boolean): Promise<void> {
  await requestJson(autoPublishPath(slug), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ autoPublish }),
  });
}

export interface ChapterList {
  chapters: Array<{ startSeconds: number; title: string }>;
  fromQuestions: Array<{ startSeconds: number; title: string }>;
}

export async function fetchChapters(id: string, signal?: AbortSignal): Promise<ChapterList> {
  return (await requestJson(`${recordingPath(id)}/chapters`, { signal })) as ChapterList;
}

export async function saveChapters(id: string, chapters: ChapterList['chapters']): Promise<ChapterList> {
  return (await requestJson(`${recordingPath(id)}/chapters`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chapters }),
  })) as ChapterList;
}
