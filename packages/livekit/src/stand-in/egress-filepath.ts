import path from 'node:path';

// Extensions egress replaces with the right one instead of appending to.
const KNOWN_EXTENSIONS = new Set(['.ogg', '.ivf', '.mp4', '.ts', '.webm', '.m3u8', '.jpeg', '.mp3', '.m4a']);

export interface FilepathContext {
  roomName: string;
  roomId: string;
  now: Date;
}

/**
 * The object key egress writes: templates replaced, `..` removed, and an empty path or one
 * ending in `/` completed with `<room>-<time>.mp4`. Egress machines run on UTC, so both time
 * templates are UTC here.
 */
export function expandEgressFilepath(filepath: string, context: FilepathContext): string {
  const time = formatTime(context.now);
  const replacements: Record<string, string> = {
    '{room_name}': context.roomName,
    '{room_id}': context.roomId,
    '{time}': time,
    '{utc}': `${compact(context.now)}${String(context.now.getUTCMilliseconds()).padStart(3, '0')}`,
  };
  let expanded = clean(filepath);
  for (const [template, value] of Object.entries(replacements))
    expanded = expanded.replaceAll(template, value);

  if (expanded === '' || expanded.endsWith('/')) return `${expanded}${context.roomName}-${time}.mp4`;
  if (expanded.endsWith('.mp4')) return expanded;
  const extension = path.posix.extname(expanded);
  if (KNOWN_EXTENSIONS.has(extension)) expanded = expanded.slice(0, -extension.length);
  return `${expanded}.mp4`;
}

function clean(filepath: string): string {
  const trailingSlash = filepath.endsWith('/');
  let cleaned = path.posix.normalize(filepath);
  while (cleaned.startsWith('../')) cleaned = cleaned.slice(3);
  if (cleaned === '' || cleaned === '.' || cleaned === '..' || cleaned === './') return '';
  if (cleaned.endsWith('/')) cleaned = cleaned.slice(0, -1);
  return trailingSlash ? `${cleaned}/` : cleaned;
}

/** Go's "2006-01-02T150405". */
function formatTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** Go's "20060102150405". */
function compact(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/[-:T]/g, '');
}
