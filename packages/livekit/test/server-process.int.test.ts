import { randomUUID } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveKitServer, liveKitServerBinary, startLiveKitServer } from '../src/index.ts';
import { startWebhookInbox, type WebhookInbox } from './support/webhook-inbox.ts';

const TEST_CREDENTIALS = {
  apiKey: 'APIlaunchertest',
  apiSecret: 'launcher-test-secret-that-is-long-enough',
};
const binary = liveKitServerBinary();
// In CI bootstrap has built the server, so a missing one fails below instead of skipping.
const skip = binary.path || process.env.CI ? undefined : binary.reason;

describe.skipIf(skip !== undefined)(
  `startLiveKitServer with livekit-server ${binary.version ?? `(${skip ? 'skipped' : 'missing'}: ${binary.reason})`}`,
  () => {
    let inbox: WebhookInbox;
    let server: LiveKitServer;

    beforeAll(async () => {
      inbox = await startWebhookInbox(TEST_CREDENTIALS);
      server = await startLiveKitServer({ ...TEST_CREDENTIALS, webhookUrls: [inbox.url] });
    });
    afterAll(async () => {
      await server?.stop();
      await inbox?.close();
    });

    it('finds the binary and reports its version', () => {
      const found = liveKitServerBinary();
      expect(found.reason).toBeUndefined();
      expect(server.version).toBe(found.version);
      expect(server.version).toMatch(/^\d+\.\d+\.\d+/);
    });

    it('serves the server API on loopback with the given key pair', async () => {
      expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
      expect(server.httpUrl).toBe(`http://127.0.0.1:${server.port}`);
      const rooms = new RoomServiceClient(server.httpUrl, server.apiKey, server.apiSecret);
      const name = `launcher-${randomUUID()}`;
      const room = await rooms.createRoom({ name });
      expect(room.sid).toMatch(/^RM_/);
      expect((await rooms.listRooms([name])).map((r) => r.name)).toEqual([name]);
    });

    it('sends signed webhooks to the given URL', async () => {
      const rooms = new RoomServiceClient(server.httpUrl, server.apiKey, server.apiSecret);
      const name = `launcher-${randomUUID()}`;
      await rooms.createRoom({ name });
      const started = await inbox.waitFor(
        (e) => e.event === 'room_started' && e.room?.name === name,
        'room_started',
      );
      expect(started.id).toMatch(/^EV_/);
      expect(inbox.rejected).toBe(0);
    });

    it('keeps the last lines of its log', () => {
      expect(server.recentOutput().some((line) => line.includes('starting LiveKit server'))).toBe(true);
    });

    it('says which address is taken when it cannot have the ports it was given', async () => {
      // Holds the port; whoever connects (the launcher, asking whether the server answers) is let go.
      const blocker = createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const taken = (blocker.address() as AddressInfo).port;
      try {
        await expect(
          startLiveKitServer({ ...TEST_CREDENTIALS, port: taken, rtc: { tcpPort: taken, udp: taken } }),
        ).rejects.toThrow(/^livekit-server did not start: .*address already in use/);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    });

    it('stops: the process ends and the port no longer answers', async () => {
      const other = await startLiveKitServer(TEST_CREDENTIALS);
      expect((await fetch(other.httpUrl)).status).toBe(200);
      await other.stop();
      expect(other.process.exitCode ?? other.process.signalCode).not.toBeNull();
      await expect(fetch(other.httpUrl)).rejects.toThrow();
    });
  },
);
