import { describe, expect, it } from 'vitest';
import { arrangeStage, type StageTrack, stageNames } from './arrange-stage.ts';

const camera = (identity: string, published = true): StageTrack => ({
  source: 'camera',
  participant: { identity },
  ...(published ? { publication: {} } : {}),
});
const screen = (identity: string): StageTrack => ({
  source: 'screen_share',
  participant: { identity },
  publication: {},
});

describe('arrangeStage', () => {
  it('puts a shared screen large and the cameras beside it', () => {
    const per = camera('staff_per');
    const kari = camera('reg_kari');
    const shared = screen('staff_per');
    const { focus, side } = arrangeStage([per, kari, shared], new Set(['staff_per', 'reg_kari']));
    expect(focus).toBe(shared);
    expect(side).toEqual([per, kari]);
  });

  it('shows cameras in a grid without a shared screen', () => {
    const per = camera('staff_per');
    expect(arrangeStage([per], new Set(['staff_per']))).toEqual({ focus: null, side: [per] });
  });

  it('keeps camera placeholders for people on stage only', () => {
    const presenter = camera('staff_per', false);
    const audience = camera('reg_ola', false);
    expect(arrangeStage([presenter, audience], new Set(['staff_per'])).side).toEqual([presenter]);
  });

  it('shows a second screen beside the first', () => {
    const first = screen('staff_per');
    const second = screen('staff_mona');
    expect(arrangeStage([first, second], new Set())).toEqual({ focus: first, side: [second] });
  });
});

describe('stageNames', () => {
  it('names each identity on stage as the room view does, and nobody else', () => {
    const names = stageNames([
      { identity: 'staff_per', displayName: 'Per Presentatør' },
      { identity: 'reg_kari', displayName: 'Kari Nordmann' },
    ]);
    expect(names.get('reg_kari')).toBe('Kari Nordmann');
    expect(names.get('staff_per')).toBe('Per Presentatør');
    expect(names.get('reg_ola')).toBeUndefined();
  });
});
