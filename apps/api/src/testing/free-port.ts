import { createServer } from 'node:net';

/**
 * A TCP port nothing listens on right now, on 127.0.0.1: for a service that must know its port
 * before it starts (an address in its own configuration, a link in an e-mail).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('No port was assigned');
  return address.port;
}
