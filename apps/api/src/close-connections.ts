import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Closing, the server stops taking connections, ends the idle ones and lets
 * requests in flight finish, each connection ending with its answer. Node
 * counts a connection on which nothing has arrived yet as busy until its
 * headers time out (a minute or more), so those are ended at once; whatever is
 * still open after the grace period is cut.
 */
export function closeConnectionsOnShutdown(app: FastifyInstance, graceMs = 10_000): void {
  const sockets = new Set<Socket>();
  let closing = false;
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  app.addHook('preClose', async () => {
    closing = true;
    for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy();
    setTimeout(() => app.server.closeAllConnections(), graceMs).unref();
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}
