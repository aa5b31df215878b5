import { type EgressInfo, type EncodedFileOutput, FileInfo, type S3Upload } from '@livekit/protocol';
import { s3Location } from './s3-location.ts';
import { uploadManifest, uploadRecording } from './upload-recording.ts';

export interface EgressFile {
  info: EgressInfo;
  file: EncodedFileOutput;
  upload: S3Upload;
  /** The finished MP4 on this machine. */
  localPath: string;
  /** Of the recording, in nanoseconds, from info.startedAt. */
  duration: bigint;
  signal?: AbortSignal;
}

/**
 * Puts a finished recording where the request asked, as Egress does: the MP4 under the expanded
 * filepath, its JSON manifest beside it (unless disabled, its location then set on info), and
 * answers the FileInfo of the egress_ended webhook.
 */
export async function deliverEgressFile(egress: EgressFile): Promise<FileInfo> {
  const { info, upload, signal } = egress;
  const filename = info.fileResults[0]?.filename ?? `${info.roomName}.mp4`;
  const size = await uploadRecording(upload, filename, egress.localPath, 'video/mp4', signal);
  const location = s3Location(upload, filename);
  const endedAt = info.startedAt + egress.duration;
  if (!egress.file.disableManifest) {
    const manifestKey = `${filename}.json`;
    await uploadManifest(
      upload,
      manifestKey,
      {
        egress_id: info.egressId,
        room_id: info.roomId,
        room_name: info.roomName,
        started_at: Number(info.startedAt),
        ended_at: Number(endedAt),
        files: [{ filename, location }],
      },
      signal,
    );
    info.manifestLocation = s3Location(upload, manifestKey);
  }
  return new FileInfo({
    filename,
    startedAt: info.startedAt,
    endedAt,
    duration: egress.duration,
    size: BigInt(size),
    location,
  });
}
