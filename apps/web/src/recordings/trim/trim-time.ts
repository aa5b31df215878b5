/** A time as the editor shows it: hh:mm:ss.mmm. */
export function formatTrimTime(seconds: number): string {
  const totalMs = Math.max(0, Math.round(seconds * 1000));
  const ms = totalMs % 1000;
  const s = Math.floor(totalMs / 1000) % 60;
  const m = Math.floor(totalMs / 60_000) % 60;
  const h = Math.floor(totalMs / 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}.${String(ms).padStart(3, '0')}`;
}

/**
 * A time typed by the organiser: hh:mm:ss.mmm, or shorter (mm:ss, ss.mmm, with a comma for the
 * decimal point too); null when it is not one.
 */
export function parseTrimTime(text: string): number | null {
  const match = /^\s*(?:(\d{1,2}):)?(?:(\d{1,2}):)?(\d{1,2})(?:[.,](\d{1,3}))?\s*$/.exec(text);
  if (!match) return null;
  const [, a, b, sec, frac] = match;
  const hours = a !== undefined && b !== undefined ? Number(a) : 0;
  const minutes = b !== undefined ? Number(b) : a !== undefined ? Number(a) : 0;
  if (Number(sec) >= 60 || minutes >= 60) return null;
  const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
  return hours * 3600 + minutes * 60 + Number(sec) + ms / 1000;
}
