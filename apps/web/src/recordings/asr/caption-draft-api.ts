import type { CaptionDraftStatus } from '@folkemote/contract';
import { requestJson } from '../../shared/request-json.ts';

const draftPath = (recordingId: string) => `/api/recordings/${encodeURIComponent(recordingId)}/caption-draft`;

/** Whether drafts from speech can be made here, and how far the recording's draft has come. */
export async function fetchCaptionDraft(
  recordingId: string,
  signal?: AbortSignal,
): Promise<CaptionDraftStatus> {
  return (await requestJson(draftPath(recordingId), { signal })) as CaptionDraftStatus;
}

/** Asks for draft captions from speech in the event's language. */
export async function requestCaptionDraft(recordingId: string): Promise<CaptionDraftStatus> {
  return (await requestJson(draftPath(recordingId), { method: 'POST' })) as CaptionDraftStatus;
}
