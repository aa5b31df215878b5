import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.ts';
import { describeProgress } from './describe-progress.ts';

describe('describeProgress', () => {
  it('puts stage, percent and time left into words', () => {
    const progress = { stage: 'transcoding', percent: 42.3, etaSeconds: 70 } as const;
    expect(describeProgress({ state: 'processing', progress }, messages.nb, 'nb')).toEqual({
      value: 42.3,
      waiting: false,
      stalled: false,
      text: 'Transkoder – 42\u00a0% – om lag 1 min igjen',
    });
    expect(describeProgress({ state: 'processing', progress }, messages.nn, 'nn')?.text).toBe(
      'Transkodar – 42\u00a0% – om lag 1 min att',
    );
    expect(describeProgress({ state: 'processing', progress }, messages.en, 'en')?.text).toBe(
      'Transcoding – 42% – about 1 min left',
    );
  });

  it('shows the ladder still on its way after the quick version is public', () => {
    const progress = { stage: 'uploading', percent: 10, etaSeconds: null } as const;
    expect(describeProgress({ state: 'quick_published', progress }, messages.en, 'en')?.text).toBe(
      'Uploading – 10% – estimating time left',
    );
  });

  it('tells waiting apart from work without a measurable position', () => {
    expect(describeProgress({ state: 'uploaded', progress: null }, messages.nb, 'nb')).toEqual({
      value: null,
      waiting: true,
      stalled: false,
      text: 'Venter på behandling',
    });
    expect(describeProgress({ state: 'processing', progress: null }, messages.en, 'en')).toEqual({
      value: null,
      waiting: false,
      stalled: false,
      text: 'Working',
    });
    expect(describeProgress({ state: 'quick_published', progress: null }, messages.nn, 'nn')?.waiting).toBe(
      true,
    );
  });

  it('shows no bar for finished or failed recordings', () => {
    const progress = { stage: 'done', percent: 100, etaSeconds: 0 } as const;
    expect(describeProgress({ state: 'published', progress }, messages.nb, 'nb')).toBeNull();
    expect(describeProgress({ state: 'failed', progress: null }, messages.nb, 'nb')).toBeNull();
  });

  it('says a transcode that stopped moving has stalled, instead of promising a minute left for ever', () => {
    const progress = { stage: 'transcoding', percent: 4, etaSeconds: 20 } as const;
    expect(describeProgress({ state: 'processing', progress, stalled: true }, messages.nb, 'nb')).toEqual({
      value: 4,
      waiting: false,
      stalled: true,
      text: 'Transkoder – 4\u00a0% – har stått stille lenge – prøv igjen',
    });
    expect(describeProgress({ state: 'processing', progress, stalled: true }, messages.en, 'en')?.text).toBe(
      'Transcoding – 4% – no progress for a long while – try again',
    );
  });
});
