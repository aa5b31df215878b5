import { describe, expect, it } from 'vitest';
import {
  acceptsVotes,
  assertQuestionTransition,
  canTransitionQuestion,
  initialQuestionStatus,
  QuestionTransitionError,
  restoredQuestionStatus,
} from './question-state.ts';

describe('the question state machine', () => {
  it('starts pending with pre-moderation and live without', () => {
    expect(initialQuestionStatus(true)).toBe('pending');
    expect(initialQuestionStatus(false)).toBe('live');
  });

  it('follows pending → live → highlighted → answered, and dismisses from any state but merged', () => {
    expect(canTransitionQuestion('pending', 'live')).toBe(true);
    expect(canTransitionQuestion('live', 'highlighted')).toBe(true);
    expect(canTransitionQuestion('highlighted', 'answered')).toBe(true);
    for (const from of ['pending', 'live', 'highlighted', 'answered'] as const)
      expect(canTransitionQuestion(from, 'dismissed')).toBe(true);
    expect(canTransitionQuestion('merged', 'dismissed')).toBe(false);
    expect(canTransitionQuestion('live', 'merged')).toBe(false);
  });

  it('restores a dismissed question to where it was, never straight into the highlight', () => {
    expect(canTransitionQuestion('dismissed', 'answered')).toBe(true);
    expect(restoredQuestionStatus('answered')).toBe('answered');
    expect(restoredQuestionStatus('pending')).toBe('pending');
    expect(restoredQuestionStatus('highlighted')).toBe('live');
    expect(restoredQuestionStatus(null)).toBe('live');
  });

  it('refuses with a reason a person can read', () => {
    expect(() => assertQuestionTransition('merged', 'live')).toThrow(QuestionTransitionError);
    expect(() => assertQuestionTransition('merged', 'live')).toThrow(/merged into another/);
    expect(() => assertQuestionTransition('highlighted', 'pending')).toThrow(
      'A question cannot move from highlighted to pending',
    );
  });

  it('takes votes on live and highlighted questions only', () => {
    expect(acceptsVotes('live')).toBe(true);
    expect(acceptsVotes('highlighted')).toBe(true);
    for (const status of ['pending', 'answered', 'dismissed', 'merged'] as const)
      expect(acceptsVotes(status)).toBe(false);
  });
});
