import { describe, expect, it } from 'vitest';
import { liveKitServerConfig } from './server-process.ts';

const base = {
  apiKey: 'APIkey',
  apiSecret: 'a-secret-that-is-at-least-32-characters',
  host: '127.0.0.1',
  port: 7880,
};

describe('liveKitServerConfig', () => {
  it('serves on loopback with our key pair and names 127.0.0.1 in ICE candidates', () => {
    const config = liveKitServerConfig({ ...base, rtc: { tcpPort: 7881, udp: 7882 } });
    expect(config).toMatchObject({
      port: 7880,
      bind_addresses: ['127.0.0.1'],
      keys: { APIkey: 'a-secret-that-is-at-least-32-characters' },
      rtc: {
        tcp_port: 7881,
        udp_port: 7882,
        node_ip: '127.0.0.1',
        use_external_ip: false,
        enable_loopback_candidate: true,
      },
      room: { auto_create: true },
    });
    expect(config).not.toHaveProperty('webhook');
  });

  it('takes a UDP port range and signs webhooks with the API key', () => {
    const config = liveKitServerConfig({
      ...base,
      rtc: { tcpPort: 7881, udp: { start: 50000, end: 50100 } },
      webhookUrls: ['http://127.0.0.1:3000/api/webhooks/livekit'],
      autoCreateRooms: false,
    });
    expect(config.rtc).toMatchObject({ port_range_start: 50000, port_range_end: 50100 });
    expect(config.rtc).not.toHaveProperty('udp_port');
    expect(config.webhook).toEqual({
      api_key: 'APIkey',
      urls: ['http://127.0.0.1:3000/api/webhooks/livekit'],
    });
    expect(config.room).toEqual({ auto_create: false });
  });
});
