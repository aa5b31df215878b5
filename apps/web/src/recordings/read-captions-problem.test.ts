import { describe, expect, it } from 'vitest';
import { captionMessages } from '../i18n/caption-messages.ts';
import { ApiError } from '../shared/api-error.ts';
import { readCaptionsProblem } from './read-captions-problem.ts';

const refusal = (params: Record<string, string | number>) =>
  new ApiError(400, 'invalid_captions', 'Line 12: expected a timing line', {}, null, params);

describe('readCaptionsProblem', () => {
  it('reads the code and line the API sends, for each language to say', () => {
    const problem = readCaptionsProblem(refusal({ code: 'bad_timing_line', line: 12 }));
    expect(problem).toEqual({ code: 'bad_timing_line', line: 12 });
    if (!problem) throw new Error('no problem read');
    expect(captionMessages.nb.problem(problem)).toMatch(/^Linje 12: tidspunktet er ikke gyldig\./);
    expect(captionMessages.nn.problem(problem)).toMatch(/^Linje 12: tidspunktet er ikkje gyldig\./);
    expect(captionMessages.en.problem(problem)).toMatch(/^Line 12: the time is not valid\./);
  });

  it('gives null for what it does not know, so the general sentence is shown', () => {
    expect(readCaptionsProblem(refusal({ code: 'bad_timing_line' }))).toBeNull();
    expect(readCaptionsProblem(refusal({ code: 'something_new', line: 3 }))).toBeNull();
    expect(readCaptionsProblem(new ApiError(400, 'invalid_input', 'x'))).toBeNull();
  });
});
