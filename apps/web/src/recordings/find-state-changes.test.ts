import { describe, expect, it } from 'vitest';
import { findStateChanges } from './find-state-changes.ts';

describe('findStateChanges', () => {
  const a = { id: 'a', title: 'Budsjettmøte', state: 'processing' } as const;
  const b = { id: 'b', title: 'Kommuneplan', state: 'failed' } as const;

  it('reports recordings that moved to another state', () => {
    expect(findStateChanges([a, b], [{ ...a, state: 'quick_published' }, b])).toEqual([
      { id: 'a', title: 'Budsjettmøte', state: 'quick_published' },
    ]);
  });

  it('ignores unchanged and newly listed recordings', () => {
    expect(findStateChanges([a], [a, b])).toEqual([]);
    expect(findStateChanges([], [a, b])).toEqual([]);
  });
});
