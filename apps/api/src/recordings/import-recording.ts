import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { findEventBySlug, insertRecording, type RecordingRow } from '@folkemote/db';
import { rawKeys, uploadFile } from '@folkemote/storage';
import { advanceRecording } from '@folkemote/worker';
import type { ApiDeps } from '../api-deps.ts';

export class UnknownEventError extends Error {
  constructor(slug: string) {
    super(`No event with slug "${slug}"`);
    this.name = 'UnknownEventError';
  }
}

/**
 * Puts a recording file into the raw bucket, as LiveKit Egress would, records
 * it as uploaded and lets the state machine start the pipeline.
 */
export async function importRecording(
  deps: Pick<ApiDeps, 'db' | 'queues' | 's3' | 's3Settings'>,
  input: {
    file: string;
    title: string;
    eventSlug?: string;
    onUploadProgress?: (done: number, total: number) => void;
  },
): Promise<RecordingRow> {
  const event = input.eventSlug ? await findEventBySlug(deps.db, input.eventSlug) : null;
  if (input.eventSlug && !event) throw new UnknownEventError(input.eventSlug);
  const { size } = await stat(input.file);
  const id = randomUUID();
  const key = rawKeys.source(id);
  await uploadFile(deps.s3, {
    bucket: deps.s3Settings.rawBucket,
    key,
    file: input.file,
    onProgress: input.onUploadProgress,
  });
  const recording = await insertRecording(deps.db, {
    id,
    eventId: event?.id ?? null,
    title: input.title,
    sourceKey: key,
    sourceBytes: size,
  });
  await advanceRecording(deps, id);
  return recording;
}
