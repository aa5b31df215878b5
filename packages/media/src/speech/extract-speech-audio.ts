import type { FfmpegInvocation } from '../ffmpeg-invocation.ts';
import { QUIET_WITH_PROGRESS } from '../ffmpeg-invocation.ts';
import type { RecordingDemuxer } from '../recording-formats.ts';
import { runFfmpeg } from '../run-ffmpeg.ts';

/**
 * The recording's first audio stream as what every speech engine reads: 16 kHz, mono, 16-bit
 * WAV. The source is opened as the demuxer it was probed as, through the file protocol only.
 */
export function speechAudioInvocation(
  source: { path: string; demuxer: RecordingDemuxer },
  out: string,
): FfmpegInvocation {
  return {
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: [{ ...source, options: [] }],
    filterComplex: null,
    outputs: [
      {
        path: out,
        options: ['-map', '0:a:0', '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', '-f', 'wav'],
      },
    ],
  };
}

export async function extractSpeechAudio(
  source: { path: string; demuxer: RecordingDemuxer },
  out: string,
  options: { signal?: AbortSignal; stallTimeoutMs: number },
): Promise<string> {
  await runFfmpeg(speechAudioInvocation(source, out), { step: 'the speech audio extraction', ...options });
  return out;
}
