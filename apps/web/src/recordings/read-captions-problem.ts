import type { CaptionsProblem } from '@folkemote/domain';
import type { ApiError } from '../shared/api-error.ts';

const withLine = new Set(['bad_timing_line', 'time_out_of_range', 'ends_before_start']);
const bare = new Set(['not_utf8', 'not_captions', 'no_captions']);

const positive = (value: unknown): value is number => typeof value === 'number' && value > 0;

/**
 * The caption file's problem as the API names it (`invalid_captions` with its code and numbers),
 * or null when the answer carries none we know, so the page falls back to the general sentence.
 */
export function readCaptionsProblem(error: ApiError): CaptionsProblem | null {
  if (error.code !== 'invalid_captions') return null;
  const { code, line, limit, megabytes } = error.params;
  if (typeof code !== 'string') return null;
  if (bare.has(code)) return { code } as CaptionsProblem;
  if (withLine.has(code) && positive(line)) return { code, line } as CaptionsProblem;
  if (code === 'cue_too_long' && positive(line) && positive(limit)) return { code, line, limit };
  if (code === 'too_many_cues' && positive(limit)) return { code, limit };
  if (code === 'too_large' && positive(megabytes)) return { code, megabytes };
  return null;
}
