import { loadConfig } from '@folkemote/config';
import { describe, expect, it } from 'vitest';
import { recorderSettings } from './recorder-settings.ts';

describe('recorderSettings', () => {
  it('listens at LIVEKIT_EGRESS_URL and records the rooms of LIVEKIT_URL', () => {
    const config = loadConfig({
      LIVEKIT_URL: 'ws://127.0.0.1:7880',
      LIVEKIT_EGRESS_URL: 'http://127.0.0.1:7890',
      PUBLIC_APP_URL: 'http://localhost:3000',
    });
    expect(recorderSettings(config)).toEqual({
      host: '127.0.0.1',
      port: 7890,
      livekitUrl: 'http://127.0.0.1:7880',
      apiKey: 'devkey',
      apiSecret: config.livekit.apiSecret,
      webhookUrl: 'http://localhost:3000/api/webhooks/livekit',
    });
  });

  it('refuses to stand in for the stand-in, or to take LiveKit’s own address', () => {
    expect(recorderSettings(loadConfig({}))).toEqual({
      problems: [
        'LIVEKIT_URL: must name the LiveKit server whose rooms are recorded',
        "LIVEKIT_EGRESS_URL: must name the recorder's own address, not LiveKit's",
      ],
    });
    expect(
      recorderSettings(
        loadConfig({ LIVEKIT_URL: 'ws://127.0.0.1:7880', LIVEKIT_EGRESS_URL: 'https://rec.example.no' }),
      ),
    ).toEqual({ problems: ['LIVEKIT_EGRESS_URL: the recorder serves plain http://'] });
  });
});
