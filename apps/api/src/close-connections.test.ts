import net from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { closeConnectionsOnShutdown } from './close-connections.ts';

async function listening() {
  const app = Fastify();
  closeConnectionsOnShutdown(app);
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived: () => void = () => {};
  const slowArrived = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  app.get('/slow', async () => {
    arrived();
    await released;
    return { done: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as net.AddressInfo;
  return { app, port, release, slowArrived };
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

// Node would hold close() for its headers timeout (60 s) on such a connection; the test's own
// timeout, well below that, is what fails if it does.
describe('closing the server', () => {
  it('ends a connection on which no request has arrived, at once', { timeout: 20_000 }, async () => {
    const { app, port } = await listening();
    const silent = await connect(port);
    const ended = new Promise<void>((resolve) => silent.once('close', () => resolve()));
    await app.close();
    await ended;
    expect(silent.destroyed).toBe(true);
  });

  it('lets a request in flight finish before the server closes', { timeout: 20_000 }, async () => {
    const { app, port, release, slowArrived } = await listening();
    const answer = fetch(`http://127.0.0.1:${port}/slow`).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
    await slowArrived;
    let closed = false;
    const closing = app.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    release();
    expect(await answer).toEqual({ status: 200, body: { done: true } });
    await closing;
    expect(closed).toBe(true);
  });
});
