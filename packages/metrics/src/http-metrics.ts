import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from './registry.ts';

const labelNames = ['method', 'route', 'status'] as const;

/** Requests answered, by the route's pattern (never the address asked for, which may hold a personal link). */
export const httpRequests = new Counter({
  name: 'folkemote_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames,
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'folkemote_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route pattern and status code',
  labelNames,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** A request that matched no route counts under this name, so unknown addresses add no series. */
export const UNMATCHED_ROUTE = '(unmatched)';

export function observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
  const labels = { method, route, status: String(status) };
  httpRequests.inc(labels);
  httpRequestDuration.observe(labels, seconds);
}
