/**
 * Pictures a test publisher sends and a test reads back out of a recording: a moving pattern
 * (so a frozen or wrong frame shows), and along the top a strip of 16 blocks that code which
 * source sent the picture and its frame number, large enough to survive two lossy encodings
 * and two rescalings.
 */
export const PATTERN_WIDTH = 640;
export const PATTERN_HEIGHT = 360;
export const PATTERN_FPS = 30;

export type PatternSource = 'camera' | 'screen_share';

const BLOCK = PATTERN_WIDTH / 16;
const STRIP = 32;
const INDEX_BITS = 12;
// One period of each wave, so a picture costs lookups, not trigonometry.
const wave = (period: number, f: (t: number) => number) =>
  Float64Array.from({ length: period }, (_, i) => f((2 * Math.PI * i) / period));
const WAVE_160 = wave(160, Math.sin);
const COS_90 = wave(90, Math.cos);
const WAVE_120 = wave(120, Math.sin);
const SOURCE_CODE: Record<PatternSource, number> = { camera: 1, screen_share: 2 };

/** Frame `index` of a source as I420. */
export function testPicture(index: number, source: PatternSource): Uint8Array {
  const data = Uint8Array.from(movingBody(index % PERIOD, source));
  const bits = [1, 0, ...bitsOf(SOURCE_CODE[source], 2), ...bitsOf(index, INDEX_BITS)];
  for (let y = 0; y < STRIP; y++) {
    for (let x = 0; x < PATTERN_WIDTH; x++)
      data[y * PATTERN_WIDTH + x] = bits[Math.floor(x / BLOCK)] ? 235 : 16;
  }
  return data;
}

// The moving part repeats every PERIOD frames (80 frames: 2.7 s), so each picture is drawn once.
const PERIOD = 80;
const bodies = new Map<string, Uint8Array>();

function movingBody(phase: number, source: PatternSource): Uint8Array {
  const key = `${source}:${phase}`;
  let body = bodies.get(key);
  if (!body) {
    body = drawBody(phase, source);
    bodies.set(key, body);
  }
  return body;
}

function drawBody(phase: number, source: PatternSource): Uint8Array {
  const w = PATTERN_WIDTH;
  const h = PATTERN_HEIGHT;
  const data = new Uint8Array((w * h * 3) / 2);
  const boxX = phase * 6;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let luma: number;
      if (x >= boxX && x < boxX + 100 && y >= 150 && y < 250) luma = 225;
      else if (source === 'camera')
        luma = 128 + 60 * (WAVE_160[(x + 6 * phase) % 160] as number) * (COS_90[y % 90] as number);
      else luma = 128 + 70 * (WAVE_120[(y + 3 * phase) % 120] as number);
      data[y * w + x] = Math.round(luma);
    }
  }
  const chroma = (w / 2) * (h / 2);
  const [u, v] = source === 'camera' ? [100, 150] : [150, 100];
  for (let i = 0; i < chroma; i++) {
    const strip = Math.floor(i / (w / 2)) < STRIP / 2;
    data[w * h + i] = strip ? 128 : u;
    data[w * h + chroma + i] = strip ? 128 : v;
  }
  return data;
}

/** What the strip of a 640×360 luma plane says, or null when it is no test picture (black, a blend). */
export function readPictureCode(luma: Uint8Array): { source: PatternSource; index: number } | null {
  const bits: number[] = [];
  for (let block = 0; block < 16; block++) {
    let sum = 0;
    let count = 0;
    for (let y = 8; y < STRIP - 8; y++) {
      for (let x = block * BLOCK + 10; x < (block + 1) * BLOCK - 10; x++) {
        sum += luma[y * PATTERN_WIDTH + x] as number;
        count++;
      }
    }
    const mean = sum / count;
    if (mean > 60 && mean < 190) return null;
    bits.push(mean >= 190 ? 1 : 0);
  }
  if (bits[0] !== 1 || bits[1] !== 0) return null;
  const code = numberOf(bits.slice(2, 4));
  const source = code === 1 ? 'camera' : code === 2 ? 'screen_share' : null;
  return source ? { source, index: numberOf(bits.slice(4)) } : null;
}

function bitsOf(value: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (value >> (count - 1 - i)) & 1);
}

function numberOf(bits: number[]): number {
  return bits.reduce((value, bit) => (value << 1) | bit, 0);
}
