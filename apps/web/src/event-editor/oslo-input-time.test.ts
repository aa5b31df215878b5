import { describe, expect, it } from 'vitest';
import { toOsloInputValue } from './oslo-input-time.ts';

describe('toOsloInputValue', () => {
  it('shows instants in Norwegian winter and summer time', () => {
    expect(toOsloInputValue('2027-01-15T09:00:00.000Z')).toBe('2027-01-15T10:00');
    expect(toOsloInputValue('2027-07-15T08:30:00.000Z')).toBe('2027-07-15T10:30');
  });

  it('leaves empty and invalid values empty', () => {
    expect(toOsloInputValue(null)).toBe('');
    expect(toOsloInputValue('tull')).toBe('');
  });
});
