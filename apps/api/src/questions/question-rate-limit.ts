import type { Redis } from 'ioredis';
import { countInWindow } from '../count-in-window.ts';

export interface QuestionRateLimits {
  ask: { limit: number; windowSeconds: number };
  vote: { limit: number; windowSeconds: number };
}

/** The limits from the settings (QA_QUESTIONS_PER_MINUTE, QA_VOTES_PER_MINUTE). */
export function questionRateLimitsFrom(settings: {
  askPerMinute: number;
  votesPerMinute: number;
}): QuestionRateLimits {
  return {
    ask: { limit: settings.askPerMinute, windowSeconds: 60 },
    vote: { limit: settings.votesPerMinute, windowSeconds: 60 },
  };
}

export interface QuestionRateLimit {
  /** Counts one question or vote of a registrant; the seconds to wait when over the limit, else null. */
  hit(action: keyof QuestionRateLimits, registrationId: string): Promise<number | null>;
}

/** A fixed window per registrant and action (`countInWindow`). Keys hold the registration id, never a name or address. */
export function createQuestionRateLimit(
  redis: Redis,
  prefix: string,
  limits: QuestionRateLimits,
): QuestionRateLimit {
  return {
    async hit(action, registrationId) {
      const { limit, windowSeconds } = limits[action];
      const key = `${prefix}:rate:qa-${action}:${registrationId}`;
      const { count, secondsLeft } = await countInWindow(redis, key, 1, windowSeconds);
      return count > limit ? Math.max(1, secondsLeft) : null;
    },
  };
}
