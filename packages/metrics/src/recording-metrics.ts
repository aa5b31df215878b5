import { Counter } from 'prom-client';
import { metricsRegistry } from './registry.ts';

/** Recordings deleted by their organisers, and the stored objects (raw, review and public) that went with them. */
export const recordingsDeleted = new Counter({
  name: 'folkemote_recordings_deleted_total',
  help: 'Recordings deleted by an organiser',
  registers: [metricsRegistry],
});

export const recordingObjectsDeleted = new Counter({
  name: 'folkemote_recording_objects_deleted_total',
  help: 'Stored objects removed with deleted recordings, by bucket (raw, public)',
  labelNames: ['bucket'] as const,
  registers: [metricsRegistry],
});
