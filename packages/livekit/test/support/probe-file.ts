import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  sample_rate?: string;
  profile?: string;
  level?: number;
}

export async function probeFile(
  file: string,
): Promise<{ streams: ProbedStream[]; duration: number; size: number }> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'stream=codec_type,codec_name,width,height,sample_rate,profile,level:format=duration,size',
    '-of',
    'json',
    file,
  ]);
  const probed = JSON.parse(stdout) as {
    streams: ProbedStream[];
    format: { duration: string; size: string };
  };
  return {
    streams: probed.streams,
    duration: Number(probed.format.duration),
    size: Number(probed.format.size),
  };
}
