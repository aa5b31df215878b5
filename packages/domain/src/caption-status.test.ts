import { describe, expect, it } from 'vitest';
import { accessibilityStatus } from './caption-status.ts';

describe('accessibilityStatus', () => {
  it('counts approved captions only for 1.2.2', () => {
    expect(accessibilityStatus([], null).captions).toBe('missing');
    expect(accessibilityStatus([{ kind: 'captions', status: 'draft' }], null).captions).toBe('draft');
    expect(
      accessibilityStatus(
        [
          { kind: 'captions', status: 'draft' },
          { kind: 'captions', status: 'approved' },
        ],
        null,
      ).captions,
    ).toBe('met');
    expect(accessibilityStatus([{ kind: 'descriptions', status: 'approved' }], null).captions).toBe(
      'missing',
    );
  });

  it('meets 1.2.5 by the statement, or by an approved description track', () => {
    expect(accessibilityStatus([], null).audioDescription).toBe('missing');
    expect(accessibilityStatus([], 'said_aloud').audioDescription).toBe('met');
    expect(accessibilityStatus([], 'track').audioDescription).toBe('draft');
    expect(accessibilityStatus([{ kind: 'descriptions', status: 'draft' }], 'track').audioDescription).toBe(
      'draft',
    );
    expect(
      accessibilityStatus([{ kind: 'descriptions', status: 'approved' }], 'track').audioDescription,
    ).toBe('met');
  });
});
