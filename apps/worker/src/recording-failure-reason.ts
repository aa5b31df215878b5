import type { Job } from 'bullmq';

/** How a job last failed: the error's message, and whether it said the recording itself cannot be processed. */
export interface JobFailure {
  message: string;
  unrecoverable: boolean;
}

/** The failure as the worker meets it, on BullMQ's 'failed' event. */
export function failureOfError(err: Error): JobFailure {
  return { message: err.message, unrecoverable: err.name === 'UnrecoverableError' };
}

/**
 * The failure as BullMQ keeps it in the failed set: the message, and the error's name at the head
 * of the stack trace it kept last. (A job that stalled too often keeps no trace of that failure.)
 */
export function failureOfStoredJob(job: Pick<Job, 'failedReason' | 'stacktrace'>): JobFailure {
  const message = job.failedReason ?? '';
  const lastTrace = job.stacktrace?.at(-1) ?? '';
  return { message, unrecoverable: lastTrace.startsWith(`UnrecoverableError: ${message}`) };
}

/**
 * The reason a recording whose job failed for good is marked failed with, as the organiser sees it
 * (`classifyRecordingFailure` reads it). An unrecoverable error says what is wrong with the
 * recording itself (e.g. not a video); any other is told with the attempts it took.
 */
export function recordingFailureReason(failure: JobFailure, attemptsMade: number): string {
  return failure.unrecoverable
    ? failure.message
    : `Processing failed after ${attemptsMade} attempts: ${failure.message}`;
}
