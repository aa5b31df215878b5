import { describe, expect, it } from 'vitest';
import { copyPieceIndex, planSmartCut } from './plan-smart-cut.ts';

const fps = 30;
const frames = Array.from({ length: 20 * fps }, (_, i) => i / fps);
const keyframes = Array.from({ length: 10 }, (_, i) => i * 2);

describe('planSmartCut', () => {
  it('copies whole GOPs and re-encodes from a cut to the next keyframe and from the last keyframe to a cut', () => {
    const plan = planSmartCut(
      [
        { start: 3.31, end: 9.11 },
        { start: 13.7, end: 20 },
      ],
      frames,
      keyframes,
      20,
    );
    expect(plan.kept[0]?.start).toBeCloseTo(3.3333, 3);
    expect(plan.kept[0]?.end).toBeCloseTo(9.1333, 3);
    expect(plan.pieces.map((p) => p.kind)).toEqual(['encode', 'copy', 'encode', 'encode', 'copy']);
    expect(plan.pieces[1]).toMatchObject({ start: 4, end: 8, toEnd: false });
    expect(plan.pieces[4]).toMatchObject({ start: 14, end: 20, toEnd: true });
    expect(plan.splits).toEqual([4, 8, 14]);
    expect(copyPieceIndex(plan.splits, 4)).toBe(1);
    expect(copyPieceIndex(plan.splits, 14)).toBe(3);
  });

  it('re-encodes nothing when every cut is on a keyframe', () => {
    const plan = planSmartCut(
      [
        { start: 2, end: 6 },
        { start: 10, end: 20 },
      ],
      frames,
      keyframes,
      20,
    );
    expect(plan.pieces.every((p) => p.kind === 'copy')).toBe(true);
    expect(plan.splits).toEqual([2, 6, 10]);
  });

  it('re-encodes a range with no whole GOP in it', () => {
    const plan = planSmartCut([{ start: 4.5, end: 5.5 }], frames, keyframes, 20);
    expect(plan.pieces).toEqual([{ kind: 'encode', start: 4.5, end: 5.5 }]);
    expect(plan.splits).toEqual([]);
  });
});
