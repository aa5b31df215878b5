import type { RecordingView } from '@folkemote/domain';

const stageNames: Record<string, string> = {
  queued: 'waiting',
  probing: 'checking the file',
  remuxing: 'quick version',
  transcoding: 'transcoding',
  uploading: 'uploading',
  publishing: 'publishing',
  done: 'done',
};

/** One status line: state, stage, a bar when there is room, percent and time left. */
export function renderRecordingStatus(recording: RecordingView, columns: number): string {
  const p = recording.progress;
  const eta = p?.etaSeconds != null ? ` ~${formatSeconds(p.etaSeconds)} left` : '';
  const head = `${recording.state.replace('_', ' ')}${p ? `: ${stageNames[p.stage] ?? p.stage}` : ''}`;
  const tail = p ? ` ${p.percent.toFixed(0).padStart(3)} %${eta}` : '';
  const room = columns - head.length - tail.length - 4;
  if (!p || room < 10) return `${head}${tail}`;
  const width = Math.min(room, 40);
  const filled = Math.round((p.percent / 100) * width);
  return `${head} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${tail}`;
}

export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.round(total));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
