import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { findEventOwnership, insertRecording, type RecordingRow } from '@folkemote/db';
import type { RecordingPublication } from '@folkemote/domain';
import { rawKeys, uploadFile } from '@folkemote/storage';
import { advanceRecording } from './advance-recording.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

export class UnknownEventError extends Error {
  constructor(slug: string) {
    super(`No event with slug "${slug}" in the organisation`);
    this.name = 'UnknownEventError';
  }
}

/**
 * The id of the organisation's event with this slug; null for a missing event and for another
 * organisation's, which is as unknown.
 */
export async function findOwnEventId(
  deps: Pick<PipelineDeps, 'db'>,
  organisationId: string,
  eventSlug: string,
): Promise<string | null> {
  const event = await findEventOwnership(deps.db, eventSlug);
  return event && event.organisationId === organisationId ? event.id : null;
}

/**
 * Puts a recording file of the organisation into the raw bucket, as LiveKit Egress would,
 * records it as uploaded and lets the state machine start the pipeline.
 */
export async function importRecording(
  deps: Pick<PipelineDeps, 'db' | 'queues' | 's3' | 's3Settings'>,
  input: {
    file: string;
    title: string;
    organisationId: string;
    eventSlug?: string;
    /** 'public': published as soon as processed, by the importer's decision; otherwise held unless its event auto-publishes. */
    publication?: RecordingPublication;
    onUploadProgress?: (done: number, total: number) => void;
  },
): Promise<RecordingRow> {
  const eventId = input.eventSlug ? await findOwnEventId(deps, input.organisationId, input.eventSlug) : null;
  if (input.eventSlug && !eventId) throw new UnknownEventError(input.eventSlug);
  const { size } = await stat(input.file);
  const id = randomUUID();
  const key = rawKeys.source(id);
  await uploadFile(deps.s3, {
    bucket: deps.s3Settings.rawBucket,
    key,
    file: input.file,
    onProgress: input.onUploadProgress,
  });
  const owner = eventId ? { eventId } : { eventId: null, organisationId: input.organisationId };
  const recording = await insertRecording(deps.db, {
    id,
    ...owner,
    title: input.title,
    sourceKey: key,
    sourceBytes: size,
    ...(input.publication ? { publication: input.publication } : {}),
  });
  await advanceRecording(deps, id);
  return recording;
}
