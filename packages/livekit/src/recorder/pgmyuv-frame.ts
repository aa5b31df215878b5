/** An I420 picture as LiveKit's SDK hands it over: Y, U and V planes back to back, no padding. */
export interface I420Picture {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * The picture as one PGMYUV image: a PGM header, the Y plane, then each chroma row as its U half
 * followed by its V half. Each image carries its own size, so ffmpeg's scaler can fit a source
 * whose resolution changes mid-stream (simulcast layers, a screen share) into the fixed canvas.
 * PGMYUV wants even sizes: an odd last column or row is left out.
 */
export function toPgmYuv(picture: I420Picture): Buffer {
  const { width, height, data } = picture;
  const w = width & ~1;
  const h = height & ~1;
  if (w === 0 || h === 0) throw new RangeError(`a ${width}×${height} picture has no even-sized part`);
  const chromaStride = (width + 1) >> 1;
  const chromaRows = (height + 1) >> 1;
  const expected = width * height + chromaStride * chromaRows * 2;
  if (data.byteLength < expected) {
    throw new RangeError(
      `an I420 ${width}×${height} picture needs ${expected} bytes, got ${data.byteLength}`,
    );
  }
  const header = Buffer.from(`P5\n${w} ${(h * 3) / 2}\n255\n`, 'latin1');
  const out = Buffer.allocUnsafe(header.byteLength + (w * h * 3) / 2);
  header.copy(out, 0);
  let at = header.byteLength;
  for (let row = 0; row < h; row++) {
    out.set(data.subarray(row * width, row * width + w), at);
    at += w;
  }
  const half = w / 2;
  const u = width * height;
  const v = u + chromaStride * chromaRows;
  for (let row = 0; row < h / 2; row++) {
    out.set(data.subarray(u + row * chromaStride, u + row * chromaStride + half), at);
    out.set(data.subarray(v + row * chromaStride, v + row * chromaStride + half), at + half);
    at += w;
  }
  return out;
}
