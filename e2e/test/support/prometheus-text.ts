/** One series of a scrape: its name and labels as written, and its value. */
export interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Reads Prometheus' text format (as prom-client writes it: no timestamps, no escaped quotes in labels). */
export function parsePrometheusText(text: string): Series[] {
  const series: Series[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!;
    series.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return series;
}

/** The sum of every series of that name whose labels include those given (0 when there is none). */
export function sampleSum(series: Series[], name: string, labels: Record<string, string> = {}): number {
  return series
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** The metric families a scrape holds: histogram and summary series count under their family's name. */
export function familiesOf(series: Series[]): Set<string> {
  return new Set(series.map((s) => s.name.replace(/_(bucket|sum|count)$/, '')));
}

export async function scrape(url: string, token?: string): Promise<Series[]> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return parsePrometheusText(await response.text());
}
