import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { failureOfError, failureOfStoredJob, recordingFailureReason } from './recording-failure-reason.ts';

describe('recordingFailureReason', () => {
  it('tells an unrecoverable error as it is, any other with the attempts it took', () => {
    expect(recordingFailureReason(failureOfError(new UnrecoverableError('The file is empty.')), 1)).toBe(
      'The file is empty.',
    );
    expect(recordingFailureReason(failureOfError(new Error('ffmpeg crashed')), 5)).toBe(
      'Processing failed after 5 attempts: ffmpeg crashed',
    );
  });

  it('reads the same failure from a job kept in the failed set as from the error itself', () => {
    for (const err of [new UnrecoverableError('The file is empty.'), new Error('ffmpeg crashed')]) {
      const stored = failureOfStoredJob({
        failedReason: err.message,
        stacktrace: ['Error: earlier', err.stack!],
      });
      expect(stored).toEqual(failureOfError(err));
    }
    // A job that stalled too often keeps the reason but no trace of it.
    expect(
      failureOfStoredJob({ failedReason: 'job stalled more than allowable limit', stacktrace: [] }),
    ).toEqual({ message: 'job stalled more than allowable limit', unrecoverable: false });
  });
});
