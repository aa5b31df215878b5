import net from 'node:net';

export interface TcpProxy {
  /** `http://127.0.0.1:<port>`: the target as reached through the proxy. */
  url: string;
  /** Cuts every open connection and refuses new ones (as an unreachable store), or lets them through again. */
  setDown(down: boolean): void;
  /** Connections cut or refused while down. */
  readonly refused: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy to `target` for fault drills: it can go down (every connection cut, new ones reset),
 * and it can slow the traffic, so a stage that moves data lasts long enough to be caught in it.
 */
export async function startTcpProxy(
  target: string,
  options: { bytesPerSecond?: number } = {},
): Promise<TcpProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<net.Socket>();
  let down = false;
  let refused = 0;
  const throttle = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (!to.write(chunk)) from.pause();
      const rate = options.bytesPerSecond;
      if (!rate) return;
      from.pause();
      setTimeout(() => from.resume(), Math.ceil((chunk.length / rate) * 1000));
    });
    to.on('drain', () => from.resume());
  };
  const server = net.createServer((client) => {
    if (down) {
      refused++;
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    throttle(client, upstream);
    throttle(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    setDown(value) {
      down = value;
      if (!value) return;
      for (const socket of open) {
        refused++;
        socket.resetAndDestroy();
      }
    },
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
