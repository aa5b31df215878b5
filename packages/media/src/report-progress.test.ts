import type { Progress } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { createProgressReporter, PROGRESS_INTERVAL_MS } from './report-progress.ts';

function setup() {
  let now = 1_000_000;
  const sent: Progress[] = [];
  const reporter = createProgressReporter(
    (p) => sent.push(p),
    () => now,
  );
  return { reporter, sent, advance: (ms: number) => (now += ms) };
}

describe('createProgressReporter', () => {
  it('sends a stage’s first report at once and then at most every interval', () => {
    const { reporter, sent, advance } = setup();
    reporter.update('transcoding', 0, 100);
    for (let i = 1; i <= 20; i++) {
      advance(50);
      reporter.update('transcoding', i, 100);
    }
    // 1 s of updates every 50 ms: the first, then one per 250 ms.
    expect(sent.map((p) => p.percent)).toEqual([0, 5, 10, 15, 20]);
    expect(PROGRESS_INTERVAL_MS).toBe(250);
  });

  it('reports percent and ETA from the time since the stage began', () => {
    const { reporter, sent, advance } = setup();
    reporter.update('transcoding', 0, 100);
    advance(10_000);
    reporter.update('transcoding', 25, 100);
    expect(sent.at(-1)).toEqual({ stage: 'transcoding', percent: 25, etaSeconds: 30 });
  });

  it('always sends a new stage and a completion', () => {
    const { reporter, sent } = setup();
    reporter.update('probing', 0, 1);
    reporter.complete('probing');
    reporter.update('transcoding', 0, 60);
    reporter.complete('transcoding');
    expect(sent.map((p) => `${p.stage} ${p.percent}`)).toEqual([
      'probing 0',
      'probing 100',
      'transcoding 0',
      'transcoding 100',
    ]);
  });

  it('survives a listener that throws', () => {
    const reporter = createProgressReporter(() => {
      throw new Error('database down');
    });
    expect(() => reporter.complete('done')).not.toThrow();
  });
});
