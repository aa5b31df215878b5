import { TwirpError } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { isLiveKitError, LiveKitError, toLiveKitError } from './livekit-error.ts';

describe('toLiveKitError', () => {
  it('keeps the Twirp code, status and message', () => {
    const error = toLiveKitError(
      new TwirpError(
        'Precondition Failed',
        'egress with status EGRESS_COMPLETE cannot be stopped',
        412,
        'failed_precondition',
      ),
    );
    expect(error).toBeInstanceOf(LiveKitError);
    expect(error).toMatchObject({
      code: 'failed_precondition',
      status: 412,
      message: 'egress with status EGRESS_COMPLETE cannot be stopped',
    });
    expect(isLiveKitError(error, 'failed_precondition')).toBe(true);
    expect(isLiveKitError(error, 'not_found')).toBe(false);
  });

  it('gives a plain-text 401 the code of its status', () => {
    const error = toLiveKitError(new TwirpError('Unauthorized', 'invalid API key: x\n', 401));
    expect(error).toMatchObject({ code: 'unauthenticated', status: 401, message: 'invalid API key: x' });
  });

  it('reports a server that could not be reached as unavailable', () => {
    const error = toLiveKitError(new TypeError('fetch failed'));
    expect(error).toMatchObject({ code: 'unavailable', status: 503 });
  });
});
