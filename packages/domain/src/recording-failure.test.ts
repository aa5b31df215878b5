import { describe, expect, it } from 'vitest';
import { classifyRecordingFailure } from './recording-failure.ts';

describe('classifyRecordingFailure', () => {
  it('reads the worker’s sentences into codes with their numbers', () => {
    expect(classifyRecordingFailure('The file is not a video or audio recording')).toEqual({
      code: 'not_media',
    });
    expect(
      classifyRecordingFailure(
        'The file is truncated: the MP4 index (moov atom) is missing, so the recording was not finished',
      ),
    ).toEqual({ code: 'unfinished' });
    expect(classifyRecordingFailure('The file is truncated: it ends before the recording does')).toEqual({
      code: 'truncated',
    });
    expect(
      classifyRecordingFailure("The file's format (matroska,webm2) is not accepted: a recording must be MP4"),
    ).toEqual({ code: 'format_refused', format: 'matroska,webm2' });
    expect(classifyRecordingFailure('Processing failed after 3 attempts: ffmpeg exited with code 1')).toEqual(
      { code: 'processing_failed', attempts: 3 },
    );
    expect(classifyRecordingFailure('The file is an HLS playlist, not a recording: upload it')).toEqual({
      code: 'playlist',
    });
  });

  it('leaves what it does not know as other', () => {
    expect(classifyRecordingFailure('Start signal not received')).toEqual({ code: 'other' });
  });
});
