import type { CaptionCuesView, CaptionView, RecordingView } from '@folkemote/contract';
import type { AudioDescriptionMode, CaptionCue, CaptionKind, CaptionLanguage } from '@folkemote/domain';
import { requestJson } from '../../shared/request-json.ts';

const base = (id: string) => `/api/recordings/${encodeURIComponent(id)}`;
const track = (id: string, language: CaptionLanguage, kind: CaptionKind, what: string) =>
  `${base(id)}/captions/${language}/${what}?kind=${kind}`;

export async function fetchRecording(id: string, signal?: AbortSignal): Promise<RecordingView> {
  return (await requestJson(base(id), { signal })) as RecordingView;
}

/** The track's cues, or null when the recording has no track of that kind and language yet. */
export async function fetchCues(
  id: string,
  language: CaptionLanguage,
  kind: CaptionKind,
  signal?: AbortSignal,
): Promise<CaptionCuesView | null> {
  try {
    return (await requestJson(track(id, language, kind, 'cues'), { signal })) as CaptionCuesView;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

export async function saveCues(
  id: string,
  language: CaptionLanguage,
  kind: CaptionKind,
  cues: CaptionCue[],
): Promise<CaptionView> {
  return (await requestJson(track(id, language, kind, 'cues'), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cues }),
  })) as CaptionView;
}

export async function approveTrack(
  id: string,
  language: CaptionLanguage,
  kind: CaptionKind,
): Promise<CaptionView> {
  return (await requestJson(track(id, language, kind, 'approve'), { method: 'POST' })) as CaptionView;
}

export async function setAudioDescription(id: string, mode: AudioDescriptionMode | null): Promise<void> {
  await requestJson(`${base(id)}/audio-description`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode }),
  });
}
