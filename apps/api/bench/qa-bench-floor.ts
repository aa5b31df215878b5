/**
 * The floor of `pnpm bench:qa`: a bare TCP server that answers each viewer's
 * request with an event-stream head and a snapshot, then writes every frame it
 * is told to to every socket at once — no database, no Redis, no rendering.
 * What the API's fan-out costs beyond this is ours; this much is the machine's.
 */
import net from 'node:net';

export type FloorCommand = { type: 'broadcast'; seq: number };
export type FloorReport = { type: 'ready'; url: string };

const sockets = new Set<net.Socket>();
const head = Buffer.from(
  'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nConnection: close\r\n\r\n' +
    'id: 0\nevent: snapshot\ndata: {"questions":[]}\n\n',
);
// About as long as a question frame of the API.
const payload = JSON.stringify({
  kind: 'voted',
  question: { id: '00000000-0000-4000-8000-000000000000', text: 'x'.repeat(220), votes: 1 },
});

const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  socket.once('data', () => {
    socket.write(head);
    sockets.add(socket);
  });
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => {});
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as net.AddressInfo;
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` } satisfies FloorReport);
});
process.on('message', (command: FloorCommand) => {
  if (command.type !== 'broadcast') return;
  const frame = Buffer.from(`id: ${command.seq}\nevent: question\ndata: ${payload}\n\n`);
  for (const socket of sockets) socket.write(frame);
});
