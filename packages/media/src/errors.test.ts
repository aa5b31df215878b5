import { describe, expect, it } from 'vitest';
import {
  AbortError,
  FfmpegFailedError,
  FfmpegStalledError,
  InsufficientDiskError,
  isAbortError,
  isTransient,
  isUnrecoverable,
  OutputDirectoryNotEmptyError,
  QuickPublishNotPossibleError,
  UnusableMediaError,
} from './errors.ts';

describe('error classes', () => {
  it('mark bad input as unrecoverable and ffmpeg trouble as transient', () => {
    const bad = new UnusableMediaError('The file is empty');
    expect(bad.message).toBe('The file is empty');
    expect(isUnrecoverable(bad)).toBe(true);
    expect(isTransient(bad)).toBe(false);
    expect(isUnrecoverable(new OutputDirectoryNotEmptyError('/x'))).toBe(true);
    expect(isUnrecoverable(new QuickPublishNotPossibleError())).toBe(true);
    for (const err of [
      new FfmpegStalledError('the transcode', 120_000),
      new FfmpegFailedError('the transcode', 'ffmpeg exited with code 1', ''),
      new InsufficientDiskError('/x', 2e9, 1e9),
    ]) {
      expect(isTransient(err)).toBe(true);
      expect(isUnrecoverable(err)).toBe(false);
    }
  });

  it('say what happened in plain words', () => {
    expect(new FfmpegStalledError('the transcode', 120_000).message).toBe(
      'ffmpeg made no progress for 120 s during the transcode and was killed',
    );
    expect(new InsufficientDiskError('/x', 2.5e9, 1.2e9).message).toMatch(
      /about 2.5 GB, but only 1.2 GB is free/,
    );
  });

  it('name aborts like the platform does', () => {
    expect(isAbortError(new AbortError())).toBe(true);
    expect(isAbortError(new DOMException('x', 'AbortError'))).toBe(true);
    expect(isAbortError(new Error('x'))).toBe(false);
  });
});
