import { describe, expect, it } from 'vitest';
import { newlyRaisedHands } from './hand-alerts.ts';

const hand = (identity: string, raisedAt = '2027-03-10T10:00:00.000Z') => ({
  identity,
  displayName: identity.toUpperCase(),
  raisedAt,
});

describe('newlyRaisedHands', () => {
  it('alerts nothing on the first view, then only the hands that went up since', () => {
    expect(newlyRaisedHands(null, [hand('a')])).toEqual([]);
    expect(newlyRaisedHands([hand('a')], [hand('a'), hand('b')])).toEqual([hand('b')]);
    expect(newlyRaisedHands([hand('a'), hand('b')], [hand('b')])).toEqual([]);
  });

  it('alerts again when someone raises a hand anew', () => {
    expect(newlyRaisedHands([hand('a')], [hand('a', '2027-03-10T10:05:00.000Z')])).toHaveLength(1);
  });
});
