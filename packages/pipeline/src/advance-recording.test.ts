import { describe, expect, it } from 'vitest';
import { nextRecordingStep } from './advance-recording.ts';

// A probe that allows no stream copy: VP8 picture, Opus sound (a browser recorder's WebM).
const webmProbe = {
  video: { codec: 'vp8', width: 1280, height: 720, avgFrameRate: 30 },
  audio: { codec: 'opus', channels: 2, sampleRate: 48000 },
};

describe('the step after processing starts', () => {
  const processing = { state: 'processing' as const, publishedVersionId: null, probe: webmProbe };

  it('goes to the full version when the file cannot be stream-copied', () => {
    expect(nextRecordingStep(processing)).toBe('recording.transcode');
  });

  it("takes a public broadcast's recording through the quick step whatever its file is: the closed stream is its quick version", () => {
    expect(nextRecordingStep(processing, { fromBroadcast: true })).toBe('recording.quick');
  });

  it('makes no second quick version once one is public', () => {
    expect(nextRecordingStep({ ...processing, publishedVersionId: 'v1' }, { fromBroadcast: true })).toBe(
      'recording.transcode',
    );
  });
});
