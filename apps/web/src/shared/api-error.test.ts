import { describe, expect, it } from 'vitest';
import { ApiError, readErrorBody } from './api-error.ts';

describe('readErrorBody', () => {
  it('reads the API error shape', () => {
    expect(readErrorBody({ error: { code: 'not_found', message: 'No such recording' } })).toEqual({
      code: 'not_found',
      message: 'No such recording',
      fields: {},
      params: {},
    });
  });

  it('reads the params that name the specifics of an error, skipping malformed ones', () => {
    const body = {
      error: {
        code: 'invalid_captions',
        message: 'x',
        params: { code: 'bad_timing_line', line: 12, bad: [1] },
      },
    };
    expect(readErrorBody(body)?.params).toEqual({ code: 'bad_timing_line', line: 12 });
  });

  it('reads the fields of a 400, skipping malformed ones', () => {
    const body = {
      error: { code: 'invalid_input', message: 'x', fields: { title: ['is required'], slug: 'bad' } },
    };
    expect(readErrorBody(body)?.fields).toEqual({ title: ['is required'] });
  });

  it('answers null for anything else', () => {
    expect(readErrorBody(null)).toBeNull();
    expect(readErrorBody('<html>')).toBeNull();
    expect(readErrorBody({ error: 'boom' })).toBeNull();
    expect(readErrorBody({ error: { code: 1, message: 'x' } })).toBeNull();
  });
});

describe('ApiError', () => {
  it('is unreachable only when no answer came', () => {
    expect(new ApiError(null, 'timeout', 'x').unreachable).toBe(true);
    expect(new ApiError(500, 'internal', 'x').unreachable).toBe(false);
  });
});
