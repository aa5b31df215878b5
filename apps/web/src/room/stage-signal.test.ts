import { describe, expect, it } from 'vitest';
import { applyStageSignal, initialStageSignals, isOnStage, type StageSignalChange } from './stage-signal.ts';

const run = (start: boolean, changes: StageSignalChange[]) =>
  isOnStage(changes.reduce(applyStageSignal, initialStageSignals(start)));

describe('the stage signal', () => {
  it('follows the room view alone without LiveKit', () => {
    expect(run(false, [])).toBe(false);
    expect(run(false, [{ source: 'room', onStage: true }])).toBe(true);
    expect(run(true, [{ source: 'livekit', onStage: null }])).toBe(true);
  });

  it('lets whichever arrives first bring someone on stage', () => {
    const connected: StageSignalChange = { source: 'livekit', onStage: false };
    expect(run(false, [connected, { source: 'room', onStage: true }])).toBe(true);
    expect(run(false, [connected, { source: 'livekit', onStage: true }])).toBe(true);
    expect(
      run(false, [connected, { source: 'livekit', onStage: true }, { source: 'room', onStage: true }]),
    ).toBe(true);
  });

  it('lets whichever arrives first send someone back to the audience', () => {
    const onStage: StageSignalChange[] = [
      { source: 'room', onStage: true },
      { source: 'livekit', onStage: true },
    ];
    expect(run(false, [...onStage, { source: 'room', onStage: false }])).toBe(false);
    expect(run(false, [...onStage, { source: 'livekit', onStage: false }])).toBe(false);
  });

  it('ignores a repeated value, so a stale source does not take over', () => {
    // Both said true; the room view then says false; LiveKit repeating true changes nothing.
    expect(
      run(false, [
        { source: 'livekit', onStage: true },
        { source: 'room', onStage: true },
        { source: 'room', onStage: false },
        { source: 'livekit', onStage: true },
      ]),
    ).toBe(false);
  });

  it('falls back to the room view when LiveKit goes away', () => {
    expect(
      run(false, [
        { source: 'livekit', onStage: false },
        { source: 'livekit', onStage: true },
        { source: 'livekit', onStage: null },
      ]),
    ).toBe(false);
  });

  it('keeps someone on stage while a fresh connection starts with the token’s permission', () => {
    // Reloaded while on stage: the token says no, until the API puts the permission back.
    const joined: StageSignalChange[] = [{ source: 'livekit', onStage: false }];
    expect(run(true, joined)).toBe(true);
    expect(run(true, [...joined, { source: 'livekit', onStage: true }])).toBe(true);
    expect(run(false, [{ source: 'livekit', onStage: true }])).toBe(false);
  });
});
