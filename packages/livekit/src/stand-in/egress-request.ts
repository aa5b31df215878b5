import {
  type EncodedFileOutput,
  EncodedFileType,
  type RoomCompositeEgressRequest,
  type S3Upload,
} from '@livekit/protocol';
import { TwirpFailure } from './twirp-failure.ts';

/**
 * The one MP4 file output to S3 of a room composite request, or the Twirp error that refuses it;
 * `recorder` names what refuses ("the stand-in", "the recorder").
 */
export function fileOutputOf(
  request: RoomCompositeEgressRequest,
  recorder: string,
): { file: EncodedFileOutput; upload: S3Upload } {
  const others = request.streamOutputs.length + request.segmentOutputs.length + request.imageOutputs.length;
  if (others > 0 || request.output.case === 'stream' || request.output.case === 'segments') {
    throw new TwirpFailure('unimplemented', `${recorder} records file outputs only`);
  }
  const file = request.fileOutputs[0] ?? (request.output.case === 'file' ? request.output.value : undefined);
  if (!file) throw new TwirpFailure('invalid_argument', 'request has no output');
  if (file.fileType !== EncodedFileType.DEFAULT_FILETYPE && file.fileType !== EncodedFileType.MP4) {
    throw new TwirpFailure('unimplemented', `${recorder} records MP4 files only`);
  }
  if (file.output.case !== 's3') throw new TwirpFailure('unimplemented', `${recorder} uploads to S3 only`);
  return { file, upload: file.output.value };
}

/** EgressInfo goes out in webhooks and lists: it must not carry the storage credentials. */
export function redactEgressRequest(request: RoomCompositeEgressRequest): RoomCompositeEgressRequest {
  const copy = request.clone();
  const outputs = [...copy.fileOutputs, ...(copy.output.case === 'file' ? [copy.output.value] : [])];
  for (const output of outputs) {
    if (output.output.case === 's3') {
      output.output.value.accessKey = '<redacted>';
      output.output.value.secret = '<redacted>';
    }
  }
  return copy;
}
