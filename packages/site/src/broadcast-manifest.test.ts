import { broadcastManifestSchema } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { buildBroadcastManifest } from './broadcast-manifest.ts';

const event = {
  title: 'Folkemøte om kollektivtrafikken',
  language: 'nn' as const,
  startsAt: '2026-05-04T16:00:00.000Z',
  endsAt: '2026-05-04T17:30:00.000Z',
};
const now = new Date('2026-05-04T16:30:00.000Z');

function build(status: 'scheduled' | 'live' | 'ended', autoPublish: boolean) {
  return buildBroadcastManifest({
    event,
    broadcast: {
      status,
      liveSince: status === 'scheduled' ? null : '2026-05-04T16:01:00.000Z',
      endedAt: status === 'ended' ? '2026-05-04T17:25:00.000Z' : null,
    },
    autoPublish,
    now,
  });
}

describe('buildBroadcastManifest', () => {
  it('names no playlist before the start', () => {
    const manifest = build('scheduled', true);
    expect(manifest).toMatchObject({ state: 'scheduled', live: null, replay: null, liveSince: null });
    expect(manifest.title).toBe(event.title);
    expect(manifest.language).toBe('nn');
    expect(manifest.updatedAt).toBe(now.toISOString());
  });

  it('names the live multivariant playlist while live, whatever the publishing option', () => {
    for (const autoPublish of [true, false])
      expect(build('live', autoPublish)).toMatchObject({
        state: 'live',
        live: 'live/live.m3u8',
        replay: null,
      });
  });

  it('names the closed playlist once ended for an event that publishes by itself', () => {
    expect(build('ended', true)).toMatchObject({
      state: 'ended',
      live: null,
      replay: 'live/index.m3u8',
      endedAt: '2026-05-04T17:25:00.000Z',
    });
  });

  it('is held, naming nothing, once ended for an event reviewed before publishing', () => {
    expect(build('ended', false)).toMatchObject({ state: 'held', live: null, replay: null });
  });

  it('always gives what the schema of broadcast.json accepts', () => {
    for (const status of ['scheduled', 'live', 'ended'] as const)
      for (const autoPublish of [true, false])
        expect(broadcastManifestSchema.safeParse(build(status, autoPublish)).success).toBe(true);
  });
});
