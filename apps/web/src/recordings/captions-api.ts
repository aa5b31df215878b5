import type { CaptionLanguage } from '@folkemote/domain';
import { requestJson } from '../shared/request-json.ts';

/** Puts a WebVTT or SubRip file as a recording's captions in one language. */
export async function uploadCaptions(
  recordingId: string,
  language: CaptionLanguage,
  file: File,
): Promise<void> {
  const type = /\.srt$/i.test(file.name) ? 'application/x-subrip' : 'text/vtt';
  await requestJson(`/api/recordings/${encodeURIComponent(recordingId)}/captions/${language}`, {
    method: 'PUT',
    headers: { 'content-type': type },
    body: await file.text(),
  });
}

export async function removeCaptions(recordingId: string, language: CaptionLanguage): Promise<void> {
  await requestJson(`/api/recordings/${encodeURIComponent(recordingId)}/captions/${language}`, {
    method: 'DELETE',
  });
}
