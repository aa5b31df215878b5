import type { RecordingView } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { formatSeconds, renderRecordingStatus } from './recording-status.ts';

const recording = (
  progress: RecordingView['progress'],
  state: RecordingView['state'] = 'processing',
): RecordingView => ({
  id: 'x',
  title: 't',
  state,
  failureReason: null,
  failure: null,
  progress,
  stalled: false,
  durationSeconds: 60,
  replayUrl: null,
  event: null,
  createdAt: '',
  updatedAt: '',
  publishedAt: null,
  captions: [],
  captionsDueBy: null,
  publication: 'public',
  previewUrl: null,
  autoPublish: null,
  tracks: [],
  audioDescription: null,
  accessibility: { captions: 'missing', audioDescription: 'missing' },
});

describe('renderRecordingStatus', () => {
  it('draws a bar with percent and time left on a wide terminal', () => {
    const line = renderRecordingStatus(recording({ stage: 'transcoding', percent: 50, etaSeconds: 75 }), 100);
    expect(line).toBe(`processing: transcoding [${'#'.repeat(20)}${'.'.repeat(20)}]  50 % ~1 min 15 s left`);
  });

  it('falls back to text without a bar when there is no room or no terminal', () => {
    expect(renderRecordingStatus(recording({ stage: 'uploading', percent: 7, etaSeconds: null }), 0)).toBe(
      'processing: uploading   7 %',
    );
    expect(renderRecordingStatus(recording(null, 'uploaded'), 80)).toBe('uploaded');
  });

  it('formats durations for people', () => {
    expect(formatSeconds(42)).toBe('42 s');
    expect(formatSeconds(3725)).toBe('1 h 2 min');
  });
});
