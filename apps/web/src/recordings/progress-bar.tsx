import type { ProgressDescription } from './describe-progress.ts';

/**
 * A progress bar with its state in words. The words are both shown and given as
 * aria-valuetext, so a screen reader hears the stage and time left, not just a number.
 */
export function ProgressBar({ label, progress }: { label: string; progress: ProgressDescription }) {
  const { value, text, stalled } = progress;
  return (
    <div className={stalled ? 'progress progress--stalled' : 'progress'}>
      <div
        className={value === null ? 'progress__track progress__track--indeterminate' : 'progress__track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : Math.round(value)}
        aria-valuetext={text}
      >
        <div className="progress__fill" style={value === null ? undefined : { width: `${value}%` }} />
      </div>
      <p className="progress__text">{text}</p>
    </div>
  );
}
