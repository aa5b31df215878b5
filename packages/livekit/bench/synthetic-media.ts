/** What the presenter sends: a 720p camera at 30 frames a second, and a 48 kHz microphone. */
export const PRESENTER_VIDEO = { width: 1280, height: 720, fps: 30, maxBitrate: 1_700_000 } as const;
export const PRESENTER_AUDIO = { sampleRate: 48_000, channels: 1, frameMs: 10, toneHz: 440 } as const;

/**
 * One second of a moving test pattern as I420 frames: a diagonal gradient that slides, a bright
 * square that crosses the picture, and a little noise that changes every frame, so the encoder
 * has real work and spends the bitrate it is given, as with a camera.
 */
export function syntheticFrames(width: number, height: number, count: number): Uint8Array[] {
  const lumaSize = width * height;
  const chromaWidth = width / 2;
  const chromaSize = chromaWidth * (height / 2);
  const noise = new Uint8Array(lumaSize + 7_919 * count);
  let seed = 0x2545f491;
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    noise[i] = seed >>> 28;
  }
  return Array.from({ length: count }, (_, frame) => {
    const data = new Uint8Array(lumaSize + 2 * chromaSize);
    const squareX = Math.round((frame / count) * (width - 160));
    const squareY = Math.round(height / 2 - 80 + 60 * Math.sin((2 * Math.PI * frame) / count));
    for (let y = 0; y < height; y++) {
      const inRows = y >= squareY && y < squareY + 160;
      for (let x = 0; x < width; x++) {
        const inSquare = inRows && x >= squareX && x < squareX + 160;
        const gradient = (x + y + frame * 8) & 255;
        data[y * width + x] = inSquare
          ? 235
          : (gradient >> 1) + 32 + (noise[y * width + x + frame * 7_919] ?? 0);
      }
    }
    for (let y = 0; y < height / 2; y++) {
      for (let x = 0; x < chromaWidth; x++) {
        data[lumaSize + y * chromaWidth + x] = 128 + ((x + frame * 4) & 63) - 32;
        data[lumaSize + chromaSize + y * chromaWidth + x] = 128 + ((y + frame * 2) & 63) - 32;
      }
    }
    return data;
  });
}

/** A sine tone of `samples` 16-bit samples, continuing from sample number `start`. */
export function toneSamples(
  sampleRate: number,
  frequency: number,
  start: number,
  samples: number,
): Int16Array {
  const tone = new Int16Array(samples);
  for (let i = 0; i < samples; i++) {
    tone[i] = Math.round(6_000 * Math.sin((2 * Math.PI * frequency * (start + i)) / sampleRate));
  }
  return tone;
}
