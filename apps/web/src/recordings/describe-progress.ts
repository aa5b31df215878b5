import type { RecordingView } from '@folkemote/contract';
import type { Locale } from '@folkemote/domain';
import type { Messages } from '../i18n/messages.ts';
import { formatPercent } from '../shared/format-percent.ts';
import { formatEta } from './format-eta.ts';

export interface ProgressDescription {
  /** 0–100, or null while the work has no measurable position yet. */
  value: number | null;
  /** Nothing has started: there is no bar to show, only words. */
  waiting: boolean;
  /** What the bar shows, in words: "Transkoder – 42 % – om lag 1 min igjen". */
  text: string;
  /** The progress has stopped moving (see isProgressStalled): no time left to promise. */
  stalled: boolean;
}

/** The progress bar for a recording, or null when nothing is under way. */
export function describeProgress(
  recording: Pick<RecordingView, 'state' | 'progress'> & { stalled?: boolean },
  t: Messages,
  locale: Locale,
): ProgressDescription | null {
  const { state, progress } = recording;
  const stalled = recording.stalled === true;
  if (state === 'published' || state === 'failed') return null;
  if (progress) {
    const value = Math.min(100, Math.max(0, progress.percent));
    const stage = t.stages[progress.stage];
    if (progress.stage === 'done') {
      return { value: 100, waiting: false, stalled, text: `${stage} – ${formatPercent(100, locale)}` };
    }
    const eta = stalled ? t.recordings.stalled : formatEta(progress.etaSeconds, t);
    return { value, waiting: false, stalled, text: `${stage} – ${formatPercent(value, locale)} – ${eta}` };
  }
  if (state === 'processing') return { value: null, waiting: false, stalled, text: t.recordings.working };
  return { value: null, waiting: true, stalled, text: t.recordings.waiting };
}
