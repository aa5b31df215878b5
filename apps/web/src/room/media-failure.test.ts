import { describe, expect, it } from 'vitest';
import { describeMediaFailure } from './media-failure.ts';

const failure = (name: string) => Object.assign(new Error('x'), { name });

describe('describeMediaFailure', () => {
  it('tells a refusal from a missing or busy device', () => {
    expect(describeMediaFailure(failure('NotAllowedError'))).toBe('denied');
    expect(describeMediaFailure(failure('NotFoundError'))).toBe('not_found');
    expect(describeMediaFailure(failure('OverconstrainedError'))).toBe('not_found');
    expect(describeMediaFailure(failure('NotReadableError'))).toBe('in_use');
    expect(describeMediaFailure(new TypeError('no mediaDevices'))).toBe('unsupported');
    expect(describeMediaFailure('what')).toBe('other');
  });
});
