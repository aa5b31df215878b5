import { describe, expect, it } from 'vitest';
import { ACTIVE_POLL_MS, ERROR_POLL_MS, IDLE_POLL_MS, pollDelay } from './poll-delay.ts';

describe('pollDelay', () => {
  it('polls every second while a recording is being processed', () => {
    for (const state of ['uploaded', 'processing', 'quick_published'] as const) {
      expect(
        pollDelay({ recordings: [{ state: 'published' }, { state }], failed: false, hidden: false }),
      ).toBe(ACTIVE_POLL_MS);
    }
  });

  it('polls seldom when everything is finished or failed, or the tab is hidden', () => {
    expect(
      pollDelay({ recordings: [{ state: 'published' }, { state: 'failed' }], failed: false, hidden: false }),
    ).toBe(IDLE_POLL_MS);
    expect(pollDelay({ recordings: [], failed: false, hidden: false })).toBe(IDLE_POLL_MS);
    expect(pollDelay({ recordings: [{ state: 'processing' }], failed: false, hidden: true })).toBe(
      IDLE_POLL_MS,
    );
  });

  it('backs off after a failed request', () => {
    expect(pollDelay({ recordings: [{ state: 'processing' }], failed: true, hidden: false })).toBe(
      ERROR_POLL_MS,
    );
  });
});
