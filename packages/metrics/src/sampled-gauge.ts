import { Gauge } from 'prom-client';
import { metricsRegistry } from './registry.ts';

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export type SampleSource = () => Promise<Sample[]>;

/**
 * A gauge read when Prometheus scrapes: each source (a queue connection, a database) is asked
 * then. A source that does not answer (Redis or PostgreSQL away) leaves its series out of that
 * scrape rather than failing the whole answer, which would hide every other series too.
 */
export function sampledGauge(name: string, help: string, labelNames: readonly string[]) {
  const sources = new Set<SampleSource>();
  const gauge = new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      const answers = await Promise.allSettled([...sources].map((source) => source()));
      for (const answer of answers) {
        if (answer.status !== 'fulfilled') continue;
        for (const sample of answer.value) this.inc(sample.labels, sample.value);
      }
    },
  });
  return {
    gauge,
    /** Adds a source; the function returned removes it again (when its process part closes). */
    watch(source: SampleSource): () => void {
      sources.add(source);
      return () => void sources.delete(source);
    },
  };
}
