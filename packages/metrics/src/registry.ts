import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process' one registry. Everything Folkemøte measures is registered here once, when this
 * module loads, so an API that runs the worker in its own process serves both from one `/metrics`.
 */
export const metricsRegistry = new Registry();
// The process' own series under their usual names (process_*, nodejs_*), as dashboards expect them.
collectDefaultMetrics({ register: metricsRegistry });

/** The text Prometheus scrapes, and its content type. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
