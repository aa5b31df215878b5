import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Which upstream (by index) each request went to, in order. */
  routed: number[];
  close(): Promise<void>;
}

/**
 * A small reverse proxy in front of several API instances, as a load balancer would be: each
 * request goes to the next instance in turn, and to the one after when an instance refuses the
 * connection (it has stopped listening). Responses, event streams included, are passed through as
 * they come; when an instance ends one, the proxy ends it towards the client too.
 */
export async function startRoundRobinProxy(upstreams: () => string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const routed: number[] = [];
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tries: number) => {
    const targets = upstreams();
    const index = next++ % targets.length;
    const target = new URL(targets[index]!);
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        // A fresh connection per request: a pooled one to an instance that has stopped would fail mid-way.
        agent: false,
      },
      (answer) => {
        routed.push(index);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      if (err.code === 'ECONNREFUSED' && tries < targets.length * 2)
        return forward(req, res, body, tries + 1);
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`upstream failed: ${err.code}`);
    });
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), 0));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
