import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchChild, startBenchChild } from '../bench/child-rpc.ts';
import type { AttendeeCounters, AudienceCommand, AudienceReply } from '../bench/live-audience.ts';
import type { PresenterCommand, PresenterReply } from '../bench/live-presenter.ts';
import {
  createParticipantToken,
  type LiveKitServer,
  liveKitServerBinary,
  startLiveKitServer,
} from '../src/index.ts';
import { readProcessCpuTicks } from '../src/load-test/proc-cpu.ts';

const credentials = { apiKey: 'APIbenchclients', apiSecret: randomBytes(24).toString('hex') };
const ROOM = 'bench-clients';
const binary = liveKitServerBinary();
const skip = binary.path || process.env.CI ? undefined : binary.reason;
const benchFile = (name: string) => fileURLToPath(new URL(`../bench/${name}`, import.meta.url));

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within 60 s; last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

describe.skipIf(skip !== undefined)(
  `bench:live's clients on livekit-server ${binary.version ?? `(skipped: ${skip})`}`,
  () => {
    let server: LiveKitServer;
    let presenter: BenchChild<PresenterCommand, PresenterReply>;
    let audience: BenchChild<AudienceCommand, AudienceReply>;
    const token = (identity: string, role: 'presenter' | 'attendee') =>
      createParticipantToken(credentials, { room: ROOM, identity, name: identity, role, ttlSeconds: 600 });
    const attendees = async (): Promise<AttendeeCounters[]> => {
      const reply = await audience.call({ type: 'stats' });
      return reply.type === 'stats' ? reply.attendees : [];
    };

    beforeAll(async () => {
      server = await startLiveKitServer(credentials);
      presenter = await startBenchChild(benchFile('live-presenter.ts'), { type: 'stop' });
      audience = await startBenchChild(benchFile('live-audience.ts'), { type: 'stop' });
    });
    afterAll(async () => {
      await audience?.stop();
      await presenter?.stop();
      await server?.stop();
    });

    it('publishes its camera in simulcast layers from the presenter process', async () => {
      await presenter.call({ type: 'publish', url: server.url, token: await token('staff_p', 'presenter') });
      const stats = await until(
        () => presenter.call({ type: 'stats' }),
        (reply) => reply.type === 'stats' && (reply.video.layers[0]?.framesEncoded ?? 0) > 0,
        'frames encoded',
      );
      if (stats.type !== 'stats') throw new Error('no stats');
      const heights = stats.video.layers.map((layer) => layer.height);
      expect(heights.length).toBeGreaterThanOrEqual(2);
      // 720 unless the encoder has already lowered it on a busy machine; smaller layers below it.
      expect(heights[0]).toBeLessThanOrEqual(720);
      expect(Math.min(...heights)).toBeLessThan(heights[0] as number);
      expect(stats.framesCaptured).toBeGreaterThan(0);
      expect(readProcessCpuTicks(presenter.pid)).toBeGreaterThan(0);
    });

    it('joins attendees who receive and decode the video and receive the audio, counted by getStats', async () => {
      const tickets = await Promise.all(
        ['reg_a', 'reg_b'].map(async (identity) => ({ identity, token: await token(identity, 'attendee') })),
      );
      const joined = await audience.call({
        type: 'join',
        url: server.url,
        tickets,
        concurrency: 2,
        timeoutMs: 30_000,
      });
      expect(joined).toEqual({
        type: 'joined',
        joined: expect.arrayContaining(['reg_a', 'reg_b']),
        failed: [],
      });
      const counters = await until(
        attendees,
        (all) =>
          all.length === 2 &&
          all.every((a) => (a.video?.framesDecoded ?? 0) > 0 && (a.audio?.packetsReceived ?? 0) > 0),
        'media at both attendees',
      );
      for (const attendee of counters) {
        expect(attendee.video?.packetsReceived).toBeGreaterThan(0);
        expect(attendee.video?.bytesReceived).toBeGreaterThan(0);
        expect(attendee.video?.frameWidth).toBeGreaterThan(0);
        expect(attendee.audio?.bytesReceived).toBeGreaterThan(0);
        expect(attendee.audio?.framesDecoded).toBe(0);
      }
    });

    it('sends attendees away on request, and ends its processes when stopped', async () => {
      expect(await audience.call({ type: 'leave', identities: ['reg_b', 'reg_unknown'] })).toEqual({
        type: 'left',
        left: 1,
      });
      expect((await attendees()).map((a) => a.identity)).toEqual(['reg_a']);
      await audience.stop();
      await expect(audience.call({ type: 'stats' })).rejects.toThrow(/no longer running/);
    });
  },
);
