import { readFile } from 'node:fs/promises';

/**
 * RFC 6381 codec strings for the CODECS attribute, read from an fMP4 init segment: the
 * exact H.264 profile, constraint flags and level from `avcC`, the AAC object type from
 * `esds`. ffprobe names the profile but not the constraint flags, which players check.
 */
export async function readInitCodecs(
  initPath: string,
): Promise<{ video: string | null; audio: string | null }> {
  const data = await readFile(initPath);
  return { video: avcCodecString(data), audio: aacCodecString(data) };
}

export function avcCodecString(data: Uint8Array): string | null {
  const at = indexOfType(data, 'avcC');
  // box type, then configurationVersion, AVCProfileIndication, profile_compatibility, AVCLevelIndication
  if (at < 0 || at + 8 > data.length) return null;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `avc1.${hex(data[at + 5]!)}${hex(data[at + 6]!)}${hex(data[at + 7]!)}`;
}

export function aacCodecString(data: Uint8Array): string | null {
  const at = indexOfType(data, 'esds');
  if (at < 0) return null;
  let p = at + 4 + 4; // type, version and flags
  const readLength = () => {
    let length = 0;
    for (let i = 0; i < 4; i++) {
      const b = data[p++] ?? 0;
      length = (length << 7) | (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
    return length;
  };
  if (data[p++] !== 0x03) return 'mp4a.40.2';
  readLength();
  p += 2; // ES_ID
  const flags = data[p++] ?? 0;
  if (flags & 0x80) p += 2;
  if (flags & 0x40) p += 1 + (data[p] ?? 0);
  if (flags & 0x20) p += 2;
  if (data[p++] !== 0x04) return 'mp4a.40.2';
  readLength();
  const objectType = data[p++] ?? 0x40;
  p += 1 + 3 + 4 + 4; // stream type, buffer size, max and average bit rate
  if (objectType !== 0x40) return `mp4a.${objectType.toString(16)}`;
  if (data[p++] !== 0x05) return 'mp4a.40.2';
  readLength();
  const first = data[p] ?? 0;
  let audioObjectType = first >> 3;
  if (audioObjectType === 31) audioObjectType = 32 + (((first & 0x07) << 3) | ((data[p + 1] ?? 0) >> 5));
  return `mp4a.40.${audioObjectType}`;
}

/** Offset of a box's four-character type in the buffer, -1 when absent. */
function indexOfType(data: Uint8Array, type: string): number {
  const t = [...type].map((c) => c.charCodeAt(0));
  for (let i = 4; i + 4 <= data.length; i++) {
    if (data[i] === t[0] && data[i + 1] === t[1] && data[i + 2] === t[2] && data[i + 3] === t[3]) return i;
  }
  return -1;
}
