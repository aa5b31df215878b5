import { canTransitionQuestion, type QuestionStatus, questionStatuses } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import {
  actionForCommand,
  actionMoves,
  actionsFor,
  focusAfterAction,
  patchFor,
  sectionOf,
} from './moderator-actions.ts';

describe('actionsFor', () => {
  it('offers only moves the queue allows', () => {
    for (const status of questionStatuses) {
      for (const pinned of [false, true]) {
        for (const action of actionsFor({ status, pinned })) {
          const patch = patchFor(action, { dismissedFrom: 'live' });
          if (patch.status !== undefined)
            expect(canTransitionQuestion(status, patch.status), `${status} → ${action}`).toBe(true);
        }
      }
    }
    expect(actionsFor({ status: 'merged', pinned: false })).toEqual([]);
    expect(actionsFor({ status: 'pending', pinned: false })).toContain('approve');
    expect(actionsFor({ status: 'live', pinned: true })).toContain('unpin');
  });
});

describe('patchFor', () => {
  it('restores a dismissed question to where it was, never to highlighted', () => {
    expect(patchFor('restore', { dismissedFrom: 'pending' })).toEqual({ status: 'pending' });
    expect(patchFor('restore', { dismissedFrom: 'highlighted' })).toEqual({ status: 'live' });
    expect(patchFor('restore', { dismissedFrom: null })).toEqual({ status: 'live' });
    expect(patchFor('pin', { dismissedFrom: null })).toEqual({ pinned: true });
  });
});

describe('actionForCommand', () => {
  const q = (status: QuestionStatus, pinned = false) => ({ status, pinned });
  it('makes each key do the sensible thing where the question is', () => {
    expect(actionForCommand('approve', q('pending'))).toBe('approve');
    expect(actionForCommand('approve', q('live'))).toBeNull();
    expect(actionForCommand('highlight', q('live'))).toBe('highlight');
    expect(actionForCommand('highlight', q('highlighted'))).toBe('unhighlight');
    expect(actionForCommand('dismiss', q('live'))).toBe('dismiss');
    expect(actionForCommand('dismiss', q('dismissed'))).toBe('restore');
    expect(actionForCommand('answered', q('highlighted'))).toBe('markAnswered');
    expect(actionForCommand('answered', q('answered'))).toBe('reopen');
    expect(actionForCommand('pin', q('live', true))).toBe('unpin');
    expect(actionForCommand('next', q('live'))).toBeNull();
  });
});

describe('focusAfterAction', () => {
  it('moves focus to the question that takes the place of one that leaves', () => {
    expect(focusAfterAction(['a', 'b', 'c'], 'a', true)).toBe('b');
    expect(focusAfterAction(['a', 'b', 'c'], 'c', true)).toBe('b');
    expect(focusAfterAction(['a'], 'a', true)).toBe('a');
    expect(focusAfterAction(['a', 'b'], 'a', false)).toBe('a');
  });

  it('knows which actions move a question', () => {
    expect(actionMoves('approve', { status: 'pending', dismissedFrom: null })).toBe(true);
    expect(actionMoves('pin', { status: 'pending', dismissedFrom: null })).toBe(false);
    expect(sectionOf('merged')).toBeNull();
    expect(sectionOf('live')).toBe('live');
  });
});
