import {
  type EncodedFileOutput,
  EncodedFileType,
  type RoomCompositeEgressRequest,
  type S3Upload,
  type SegmentedFileOutput,
  SegmentedFileProtocol,
} from '@livekit/protocol';
import { TwirpFailure } from './twirp-failure.ts';

/** The HLS stream of a broadcast, beside the file: its output and where it is uploaded. */
export interface SegmentOutput {
  output: SegmentedFileOutput;
  upload: S3Upload;
}

/** Egress's segment length when the request leaves it unset. */
const DEFAULT_SEGMENT_SECONDS = 4;

/**
 * The one MP4 file output to S3 of a room composite request, or the Twirp error that refuses it;
 * `recorder` names what refuses ("the stand-in", "the recorder").
 */
export function fileOutputOf(
  request: RoomCompositeEgressRequest,
  recorder: string,
): { file: EncodedFileOutput; upload: S3Upload } {
  const others = request.streamOutputs.length + request.imageOutputs.length;
  if (others > 0 || request.output.case === 'stream') {
    throw new TwirpFailure('unimplemented', `${recorder} records file and segment outputs only`);
  }
  const file = request.fileOutputs[0] ?? (request.output.case === 'file' ? request.output.value : undefined);
  if (!file) throw new TwirpFailure('invalid_argument', 'request has no output');
  if (file.fileType !== EncodedFileType.DEFAULT_FILETYPE && file.fileType !== EncodedFileType.MP4) {
    throw new TwirpFailure('unimplemented', `${recorder} records MP4 files only`);
  }
  if (file.output.case !== 's3') throw new TwirpFailure('unimplemented', `${recorder} uploads to S3 only`);
  return { file, upload: file.output.value };
}

/**
 * The request's segmented output (HLS to S3), if it has one, with Egress's defaults filled in; or
 * the Twirp error that refuses it. At most one, as Egress allows.
 */
export function segmentOutputOf(
  request: RoomCompositeEgressRequest,
  recorder: string,
): SegmentOutput | undefined {
  const outputs = [
    ...request.segmentOutputs,
    ...(request.output.case === 'segments' ? [request.output.value] : []),
  ];
  if (outputs.length > 1)
    throw new TwirpFailure('invalid_argument', 'multiple segmented outputs not supported');
  const asked = outputs[0];
  if (!asked) return undefined;
  if (
    asked.protocol !== SegmentedFileProtocol.DEFAULT_SEGMENTED_FILE_PROTOCOL &&
    asked.protocol !== SegmentedFileProtocol.HLS_PROTOCOL
  ) {
    throw new TwirpFailure('invalid_argument', 'unsupported segmented file protocol');
  }
  if (asked.output.case !== 's3') throw new TwirpFailure('unimplemented', `${recorder} uploads to S3 only`);
  if (asked.segmentDuration < 0)
    throw new TwirpFailure('invalid_argument', 'segment duration must be positive');
  const output = asked.clone();
  output.segmentDuration ||= DEFAULT_SEGMENT_SECONDS;
  output.playlistName ||= 'playlist.m3u8';
  // Egress writes the playlists and segments under the prefix; an empty one is the room's name.
  output.filenamePrefix ||= `${request.roomName}/`;
  if (!output.filenamePrefix.endsWith('/')) output.filenamePrefix += '/';
  return { output, upload: asked.output.value };
}

/** EgressInfo goes out in webhooks and lists: it must not carry the storage credentials. */
export function redactEgressRequest(request: RoomCompositeEgressRequest): RoomCompositeEgressRequest {
  const copy = request.clone();
  const outputs = [
    ...copy.fileOutputs,
    ...copy.segmentOutputs,
    ...(copy.output.case === 'file' || copy.output.case === 'segments' ? [copy.output.value] : []),
  ];
  for (const output of outputs) {
    if (output.output.case === 's3') {
      output.output.value.accessKey = '<redacted>';
      output.output.value.secret = '<redacted>';
    }
  }
  return copy;
}
