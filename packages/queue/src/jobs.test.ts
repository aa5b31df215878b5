import { describe, expect, it } from 'vitest';
import { jobDefinitions, jobIdFor, queueNameFor } from './jobs.ts';

describe('job definitions', () => {
  it('accept ids only and reject anything else in a payload', () => {
    const id = '6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21';
    expect(jobDefinitions['recording.ingest'].payload.parse({ recordingId: id })).toEqual({
      recordingId: id,
    });
    expect(() =>
      jobDefinitions['recording.ingest'].payload.parse({ recordingId: id, email: 'a@b.no' }),
    ).toThrow();
    expect(() =>
      jobDefinitions['recording.transcode'].payload.parse({ recordingId: 'not-a-uuid' }),
    ).toThrow();
  });

  it('give one fixed job id per recording and step, none to site rebuilds, and one queue per job', () => {
    const id = '6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21';
    expect(jobIdFor('recording.quick', { recordingId: id })).toBe(`recording-quick-${id}`);
    expect(jobIdFor('site.rebuild', {})).toBeUndefined();
    expect(queueNameFor('recording.transcode')).not.toBe(queueNameFor('recording.quick'));
  });
});
