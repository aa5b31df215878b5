/** An I420 picture as LiveKit's SDK hands it over: Y, U and V planes back to back, no padding. */
export interface I420Picture {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The canvas shape a picture is fitted into: only its aspect ratio matters here. */
export interface Aspect {
  width: number;
  height: number;
}

/**
 * The picture as one PGMYUV image in the canvas's shape: black bars at its own resolution
 * (cheap row copies) make its aspect the canvas's, so ffmpeg's scaler only has to resize it, and
 * each image carries its own size, so a source whose resolution changes (simulcast layers, a screen
 * share) needs no restart. PGMYUV: a PGM header, the Y plane, then each chroma row as its U half
 * followed by its V half; sizes are even, so an odd last column or row is left out.
 */
export function toPgmYuv(picture: I420Picture, canvas: Aspect): Buffer {
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
  const { paddedWidth: pw, paddedHeight: ph, left, top } = letterbox(w, h, canvas);
  const header = Buffer.from(`P5\n${pw} ${(ph * 3) / 2}\n255\n`, 'latin1');
  const out = Buffer.allocUnsafe(header.byteLength + (pw * ph * 3) / 2);
  header.copy(out, 0);
  const luma = header.byteLength;
  const chroma = luma + pw * ph;
  out.fill(16, luma, chroma);
  out.fill(128, chroma);
  for (let row = 0; row < h; row++) {
    out.set(data.subarray(row * width, row * width + w), luma + (top + row) * pw + left);
  }
  const half = w / 2;
  const u = width * height;
  const v = u + chromaStride * chromaRows;
  for (let row = 0; row < h / 2; row++) {
    const at = chroma + (top / 2 + row) * pw + left / 2;
    out.set(data.subarray(u + row * chromaStride, u + row * chromaStride + half), at);
    out.set(data.subarray(v + row * chromaStride, v + row * chromaStride + half), at + pw / 2);
  }
  return out;
}

/** The even-sized frame around a w×h picture that has the canvas's aspect ratio, picture centred. */
export function letterbox(
  w: number,
  h: number,
  canvas: Aspect,
): { paddedWidth: number; paddedHeight: number; left: number; top: number } {
  const even = (n: number) => Math.round(n / 2) * 2;
  let paddedWidth = w;
  let paddedHeight = h;
  if (w * canvas.height > h * canvas.width)
    paddedHeight = Math.max(h, even((w * canvas.height) / canvas.width));
  else paddedWidth = Math.max(w, even((h * canvas.width) / canvas.height));
  const left = even((paddedWidth - w) / 2 - 0.5);
  const top = even((paddedHeight - h) / 2 - 0.5);
  return { paddedWidth, paddedHeight, left: Math.max(0, left), top: Math.max(0, top) };
}
