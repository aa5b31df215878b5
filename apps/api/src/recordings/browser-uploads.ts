import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { RecordingUploadView } from '@folkemote/contract';
import { MAX_UPLOAD_PARTS, type recordingUploadInputSchema } from '@folkemote/contract';
import {
  findRecordingUpload,
  insertRecordingUpload,
  moveRecordingUpload,
  type RecordingUploadRow,
  touchRecordingUpload,
} from '@folkemote/db';
import { findOwnEventId, registerUploadedRecording, UnknownEventError } from '@folkemote/pipeline';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  createS3Client,
  headObject,
  listUploadedParts,
  presignUploadPart,
  rawKeys,
} from '@folkemote/storage';
import type { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import type { OrganiserContext } from '../auth/organiser-context.ts';
import { Refusal } from '../http-errors.ts';

/** How long a signed part URL holds: long enough for one slow part, short enough to be worthless later. */
export const PART_URL_SECONDS = 3600;

export const toUploadView = (u: RecordingUploadRow): RecordingUploadView => ({
  id: u.id,
  title: u.title,
  event: u.eventSlug,
  fileName: u.fileName,
  fileSize: u.fileSize,
  fileModified: u.fileModified,
  partSize: u.partSize,
  partCount: u.partCount,
  state: u.state,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});

/** The part size for a file: the configured one, or larger where the file would need more than S3's 10,000 parts. */
export function partSizeFor(fileSize: number, configured: number): number {
  return Math.max(configured, Math.ceil(fileSize / MAX_UPLOAD_PARTS));
}

/** The presigning client: its endpoint is the one the organisers' browsers reach. */
export function browserSigningClient(deps: Pick<ApiDeps, 'config' | 's3Settings'>): S3Client {
  const endpoint = deps.config.s3.browserEndpoint ?? deps.s3Settings.endpoint;
  return createS3Client({ ...deps.s3Settings, endpoint });
}

export async function startBrowserUpload(
  deps: ApiDeps,
  organiser: OrganiserContext,
  input: z.output<typeof recordingUploadInputSchema>,
): Promise<RecordingUploadRow> {
  const { maxBytes, partBytes } = deps.config.uploads;
  if (input.fileSize > maxBytes)
    throw new Refusal(400, 'too_large', `The recording is larger than the limit of ${maxBytes} bytes`, {
      fileSize: [`must be at most ${maxBytes} bytes`],
    });
  const eventId = input.event ? await findOwnEventId(deps, organiser.organisationId, input.event) : null;
  if (input.event && !eventId)
    throw new Refusal(404, 'unknown_event', new UnknownEventError(input.event).message);
  const id = randomUUID();
  const objectKey = rawKeys.source(id);
  const partSize = partSizeFor(input.fileSize, partBytes);
  const s3UploadId = await createMultipartUpload(deps.s3, {
    bucket: deps.s3Settings.rawBucket,
    key: objectKey,
  });
  return insertRecordingUpload(deps.db, {
    id,
    organisationId: organiser.organisationId,
    eventId,
    ownerKind: organiser.kind,
    ownerId: organiser.actorId,
    title: input.title,
    fileName: input.fileName,
    fileSize: input.fileSize,
    fileModified: input.fileModified,
    contentType: input.contentType,
    partSize,
    partCount: Math.ceil(input.fileSize / partSize),
    objectKey,
    s3UploadId,
  });
}

/** The caller's own upload; anyone else's (another organiser's, another organisation's) is unknown. */
export async function ownUpload(
  deps: Pick<ApiDeps, 'db'>,
  organiser: OrganiserContext,
  id: string,
): Promise<RecordingUploadRow> {
  const upload = /^[0-9a-f-]{36}$/i.test(id) ? await findRecordingUpload(deps.db, id) : null;
  if (
    !upload ||
    upload.organisationId !== organiser.organisationId ||
    upload.ownerId !== organiser.actorId ||
    upload.ownerKind !== organiser.kind
  )
    throw new Refusal(404, 'not_found', 'No upload with that id of yours');
  return upload;
}

function mustBeActive(upload: RecordingUploadRow) {
  if (upload.state !== 'active')
    throw new Refusal(409, `upload_${upload.state}`, `The upload is ${upload.state}: it takes no more parts`);
}

export async function signParts(
  deps: ApiDeps,
  signer: S3Client,
  upload: RecordingUploadRow,
  partNumbers: number[],
) {
  mustBeActive(upload);
  const beyond = partNumbers.filter((n) => n > upload.partCount);
  if (beyond.length > 0)
    throw new Refusal(400, 'invalid_part', `The upload has parts 1 to ${upload.partCount} only`, {
      partNumbers: [`must be between 1 and ${upload.partCount}`],
    });
  const unique = [...new Set(partNumbers)];
  const urls = await Promise.all(
    unique.map(async (partNumber) => ({
      partNumber,
      url: await presignUploadPart(signer, {
        bucket: deps.s3Settings.rawBucket,
        key: upload.objectKey,
        uploadId: upload.s3UploadId,
        partNumber,
        expiresInSeconds: PART_URL_SECONDS,
      }),
    })),
  );
  await touchRecordingUpload(deps.db, upload.id);
  return { urls, expiresAt: new Date(Date.now() + PART_URL_SECONDS * 1000).toISOString() };
}

export async function storedParts(deps: ApiDeps, upload: RecordingUploadRow) {
  mustBeActive(upload);
  const parts = await listUploadedParts(deps.s3, {
    bucket: deps.s3Settings.rawBucket,
    key: upload.objectKey,
    uploadId: upload.s3UploadId,
  });
  return parts.filter(
    (p) => p.partNumber <= upload.partCount && p.size === expectedSize(upload, p.partNumber),
  );
}

/** The size part n must have: the part size, the last one the rest. */
export function expectedSize(
  upload: Pick<RecordingUploadRow, 'fileSize' | 'partSize' | 'partCount'>,
  n: number,
) {
  return n < upload.partCount ? upload.partSize : upload.fileSize - upload.partSize * (upload.partCount - 1);
}

/**
 * Joins the parts into the source object and starts the pipeline. Refused while a part is
 * missing or of the wrong size; the upload then stays open to send it.
 */
export async function completeBrowserUpload(deps: ApiDeps, upload: RecordingUploadRow) {
  const parts = await storedParts(deps, upload);
  const have = new Set(parts.map((p) => p.partNumber));
  const missing: number[] = [];
  for (let n = 1; n <= upload.partCount; n++) if (!have.has(n)) missing.push(n);
  if (missing.length > 0)
    throw new Refusal(
      409,
      'missing_parts',
      `${missing.length} of ${upload.partCount} parts have not been uploaded (whole)`,
      { parts: missing.slice(0, 50).map(String) },
    );
  if (!(await moveRecordingUpload(deps.db, upload.id, 'active', 'completing')))
    throw new Refusal(409, 'upload_completing', 'The upload is already being completed');
  const target = { bucket: deps.s3Settings.rawBucket, key: upload.objectKey };
  try {
    await completeMultipartUpload(deps.s3, { ...target, uploadId: upload.s3UploadId, parts });
    const head = await headObject(deps.s3, target.bucket, target.key);
    if (head?.size !== upload.fileSize) throw new Error('The joined upload is not the size declared');
    const recording = await registerUploadedRecording(deps, {
      id: upload.id,
      title: upload.title,
      sourceKey: upload.objectKey,
      sourceBytes: upload.fileSize,
      eventId: upload.eventId,
      organisationId: upload.organisationId,
    });
    await moveRecordingUpload(deps.db, upload.id, 'completing', 'completed');
    return recording;
  } catch (err) {
    await moveRecordingUpload(deps.db, upload.id, 'completing', 'active');
    throw err;
  }
}

export async function abortBrowserUpload(
  deps: Pick<ApiDeps, 'db' | 's3' | 's3Settings'>,
  upload: RecordingUploadRow,
  from: 'active' | 'completing' = 'active',
) {
  if (from === 'active') mustBeActive(upload);
  if (!(await moveRecordingUpload(deps.db, upload.id, from, 'aborted')))
    throw new Refusal(409, 'upload_changed', 'The upload changed meanwhile; try again');
  await abortMultipartUpload(deps.s3, {
    bucket: deps.s3Settings.rawBucket,
    key: upload.objectKey,
    uploadId: upload.s3UploadId,
  });
}
