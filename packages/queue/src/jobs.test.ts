import { describe, expect, it } from 'vitest';
import { jobDefinitions, jobIdFor, queueNameFor, reminderJobId } from './jobs.ts';

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
    expect(jobIdFor('recording.transcode', { recordingId: id })).toBe(`recording-transcode-${id}`);
    expect(jobIdFor('replay.refresh', { recordingId: id })).toBeUndefined();
    expect(jobIdFor('livekit.reconcile', { eventId: id })).toBe(`livekit-reconcile-${id}`);
    expect(jobIdFor('livekit.reconcile', {})).toBeUndefined();
    expect(queueNameFor('recording.transcode')).not.toBe(queueNameFor('recording.quick'));
  });

  it('carry a registration id and a kind for e-mails, never an address', () => {
    const id = '6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21';
    const email = jobDefinitions['registration.email'].payload;
    expect(email.parse({ registrationId: id, kind: 'confirmation' })).toEqual({
      registrationId: id,
      kind: 'confirmation',
    });
    expect(() => email.parse({ registrationId: id, kind: 'confirmation', to: 'a@b.no' })).toThrow();
    expect(() => email.parse({ registrationId: id, kind: 'newsletter' })).toThrow();
    expect(jobIdFor('registration.email', { registrationId: id, kind: 'confirmation' })).toBeUndefined();
  });

  it('give each reminder one fixed job id per registration and kind, so it can be replaced', () => {
    const id = '6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21';
    expect(jobIdFor('registration.reminder', { registrationId: id, kind: '24h' })).toBe(
      reminderJobId(id, '24h'),
    );
    expect(reminderJobId(id, '24h')).not.toBe(reminderJobId(id, '1h'));
    expect(reminderJobId(id, '1h')).not.toContain(':');
  });

  it('reconcile one event under a fixed id, or every room under none', () => {
    const id = '6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21';
    const payload = jobDefinitions['livekit.reconcile'].payload;
    expect(payload.parse({ eventId: id })).toEqual({ eventId: id });
    expect(() => payload.parse({ roomName: 'event-x' })).toThrow();
    expect(jobIdFor('livekit.reconcile', { eventId: id })).toBe(`livekit-reconcile-${id}`);
    expect(jobIdFor('livekit.reconcile', {})).toBeUndefined();
  });
});
