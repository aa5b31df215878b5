import { insertRecording, type RecordingRow } from '@folkemote/db';
import { advanceRecording } from './advance-recording.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

/**
 * A recording whose source is already whole in the raw bucket (a browser's multipart upload,
 * completed): recorded as uploaded under the id it was uploaded for, and started like an import.
 * Whether it is a recording at all is for ingest to find from its content.
 */
export async function registerUploadedRecording(
  deps: Pick<PipelineDeps, 'db' | 'queues'>,
  input: {
    id: string;
    title: string;
    sourceKey: string;
    sourceBytes: number;
    eventId: string | null;
    organisationId: string;
  },
): Promise<RecordingRow> {
  const owner = input.eventId
    ? { eventId: input.eventId }
    : { eventId: null, organisationId: input.organisationId };
  const recording = await insertRecording(deps.db, {
    id: input.id,
    ...owner,
    title: input.title,
    sourceKey: input.sourceKey,
    sourceBytes: input.sourceBytes,
  });
  await advanceRecording(deps, input.id);
  return recording;
}
