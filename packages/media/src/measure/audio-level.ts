import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * RMS level (dBFS) of a file's sound after the ffmpeg audio `filter` (e.g. a bandpass, or
 * `anull` for all of it), from `fromSeconds` on, for `seconds` or to the end. Silence is −∞.
 */
export async function audioRmsDb(
  file: string,
  filter: string,
  fromSeconds: number,
  seconds?: number,
): Promise<number> {
  const { stderr } = await run('ffmpeg', [
    ...['-hide_banner', '-nostats', '-ss', String(fromSeconds), ...(seconds ? ['-t', String(seconds)] : [])],
    ...['-i', file, '-vn'],
    ...['-af', `${filter},astats=measure_perchannel=none`, '-f', 'null', '-'],
  ]);
  const level = /RMS level dB: (-?[0-9.]+|-inf)/.exec(stderr)?.[1];
  if (level === undefined) throw new Error(`astats printed no RMS level: ${stderr.slice(-500)}`);
  return level === '-inf' ? Number.NEGATIVE_INFINITY : Number(level);
}
