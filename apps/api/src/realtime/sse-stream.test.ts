import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createSseHub, reconnectFrame, SseStream, sseFrame } from './sse-stream.ts';

/** A socket that takes writes but never drains, like a viewer that stopped reading. */
function stuckSocket() {
  const written: Buffer[] = [];
  const socket = {
    writableLength: 0,
    destroyed: false,
    write(chunk: Buffer) {
      written.push(chunk);
      this.writableLength += chunk.length;
      return false;
    },
    destroy() {
      this.destroyed = true;
    },
    destroySoon() {
      this.destroyed = true;
    },
  };
  return { socket, written };
}

describe('SseStream', () => {
  it('frames an event with its id, name and one line of data', () => {
    expect(sseFrame(42, 'question', '{"a":1}').toString()).toBe('id: 42\nevent: question\ndata: {"a":1}\n\n');
    expect(sseFrame(null, 'ping', '{}').toString()).toBe('event: ping\ndata: {}\n\n');
  });

  it('cuts off a viewer that does not read instead of buffering for it without end', () => {
    const { socket, written } = stuckSocket();
    const stream = new SseStream(socket as unknown as Socket, 1000);
    const frame = Buffer.alloc(400, 'x');
    expect([stream.send(frame), stream.send(frame), stream.send(frame)]).toEqual([true, true, true]);
    expect(stream.send(frame)).toBe(false);
    expect(socket.destroyed).toBe(true);
    expect(stream.closed).toBe(true);
    expect(stream.send(frame)).toBe(false);
    expect(written).toHaveLength(3);
  });
});

describe('createSseHub', () => {
  it('ends at once a stream whose viewer left before it opened, and writes nothing to it', async () => {
    const { socket, written } = stuckSocket();
    socket.destroyed = true;
    const request = { raw: { socket } } as unknown as FastifyRequest;
    const reply = { hijack() {} } as unknown as FastifyReply;
    const closed: SseStream[] = [];
    const stream = createSseHub().open(request, reply, (s) => closed.push(s));
    expect(stream.closed).toBe(true);
    await Promise.resolve();
    expect(closed).toEqual([stream]);
    expect(stream.send(sseFrame(null, 'room', '{}'))).toBe(false);
    expect(written).toEqual([]);
  });

  it('tells every viewer to reconnect, each after its own wait, and ends their streams', () => {
    const draws = [0, 0.5, 0.999];
    const hub = createSseHub(() => draws.shift()!);
    const viewers = [stuckSocket(), stuckSocket(), stuckSocket()].map(({ socket, written }) => {
      const live = Object.assign(socket, { setNoDelay() {}, setKeepAlive() {}, once() {} });
      const request = { raw: { socket: live } } as unknown as FastifyRequest;
      hub.open(request, { hijack() {} } as unknown as FastifyReply, () => {});
      return { socket: live, written };
    });
    hub.tellAllToReconnect();
    expect(viewers.map((v) => v.written.at(-1)!.toString())).toEqual([
      reconnectFrame(500).toString(),
      reconnectFrame(1500).toString(),
      reconnectFrame(2498).toString(),
    ]);
    expect(reconnectFrame(500).toString()).toBe(
      'event: reconnect\ndata: {"reason":"server_stopping"}\nretry: 500\n\n',
    );
    expect(viewers.every((v) => v.socket.destroyed)).toBe(true);
  });
});
