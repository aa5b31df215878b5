/** A cue time as the editor shows it: m:ss.t, or h:mm:ss.t past an hour (tenths, rounded down). */
export function formatCueTime(ms: number): string {
  const tenths = Math.floor(Math.max(0, ms) / 100);
  const t = tenths % 10;
  const totalSeconds = Math.floor(tenths / 10);
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60) % 60;
  const h = Math.floor(totalSeconds / 3600);
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}.${t}` : `${m}:${ss}.${t}`;
}
