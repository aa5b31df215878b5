import type { Progress, ProgressStage } from '@folkemote/domain';

const STAGE_LABELS: Record<ProgressStage, string> = {
  queued: 'Queued',
  probing: 'Probing',
  remuxing: 'Remuxing',
  transcoding: 'Transcoding',
  trimming: 'Trimming',
  uploading: 'Uploading',
  publishing: 'Publishing',
  done: 'Done',
};

export function formatEta(seconds: number | null): string {
  if (seconds === null) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** One line: stage, a bar sized to the terminal, percent and time left. */
export function formatBarLine(p: Progress, columns: number): string {
  const label = STAGE_LABELS[p.stage].padEnd(12);
  const tail = ` ${p.percent.toFixed(1).padStart(5)} %  ETA ${formatEta(p.etaSeconds)}`;
  const width = Math.max(10, Math.min(50, columns - label.length - tail.length - 3));
  const filled = Math.round((width * p.percent) / 100);
  return `${label}[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${tail}`;
}

/** The plain line written to logs (no terminal): what a person tailing a log file wants. */
export function formatPlainLine(p: Progress): string {
  if (p.percent >= 100) return `${STAGE_LABELS[p.stage]}: done`;
  const eta = p.etaSeconds === null ? '' : `, about ${formatEta(p.etaSeconds)} left`;
  return `${STAGE_LABELS[p.stage]}: ${Math.floor(p.percent)} %${eta}`;
}

export interface ProgressDisplay {
  update(p: Progress): void;
  /** Ends the bar's line so later output starts on a fresh one. */
  finish(): void;
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/**
 * A bar redrawn on the terminal (stderr) when there is one; otherwise occasional plain lines
 * on stdout (at each new stage and every 10 %), so that stderr of a scripted run holds only
 * the error, if any.
 */
export function createProgressDisplay(io: { stdout: Stream; stderr: Stream }): ProgressDisplay {
  if (io.stderr.isTTY) {
    const stream = io.stderr;
    let drawn = false;
    return {
      update(p) {
        stream.write(`\r\x1b[2K${formatBarLine(p, stream.columns || 80)}`);
        drawn = true;
      },
      finish() {
        if (drawn) stream.write('\n');
        drawn = false;
      },
    };
  }
  let stage: ProgressStage | null = null;
  let lastStep = -1;
  return {
    update(p) {
      const step = Math.floor(p.percent / 10);
      if (p.stage === stage && step === lastStep) return;
      stage = p.stage;
      lastStep = step;
      io.stdout.write(`${formatPlainLine(p)}\n`);
    },
    finish() {},
  };
}
