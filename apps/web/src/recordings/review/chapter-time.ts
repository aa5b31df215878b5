/** A chapter's start as typed: `m:ss`, `h:mm:ss` or plain seconds; null when it is not a time. */
export function parseChapterTime(text: string): number | null {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d{1,3})?$/.test(p))) return null;
  const numbers = parts.map(Number);
  if (numbers.slice(1).some((n) => n >= 60)) return null;
  return numbers.reduce((total, n) => total * 60 + n, 0);
}

/** A start in seconds as the field shows it: `m:ss`, or `h:mm:ss` from an hour. */
export function formatChapterTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const fraction = Math.round((seconds - whole) * 1000);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0') + (fraction ? `.${String(fraction).padStart(3, '0')}` : '');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
