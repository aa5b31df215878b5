import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsAllowed } from './metrics-access.ts';
import { renderMetrics } from './registry.ts';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A listener of its own for `/metrics`, for an operator who binds it to an internal address
 * (METRICS_HOST) apart from the public one; the token, when set, is asked for here too.
 */
export async function startMetricsServer(options: {
  host: string;
  port: number;
  token?: string;
}): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    if (!metricsAllowed(request.headers.authorization, options.token)) {
      response
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
        .end('A metrics token is needed\n');
      return;
    }
    renderMetrics().then(
      ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
