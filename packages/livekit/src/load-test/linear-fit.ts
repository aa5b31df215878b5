export interface Line {
  intercept: number;
  slope: number;
}

/**
 * The least-squares line through the points, or undefined with fewer than two distinct x.
 * The bench fits the server's CPU against the number of subscribers: the slope is what each
 * more subscriber costs, the intercept what the publisher alone costs.
 */
export function fitLine(points: ReadonlyArray<readonly [x: number, y: number]>): Line | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}
