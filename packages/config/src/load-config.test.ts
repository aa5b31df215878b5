import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.ts';

describe('loadConfig', () => {
  it('runs on embedded defaults with no configuration', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/app/.data/pglite', port: 55432 });
    expect(config.redis).toMatchObject({ url: 'redis://127.0.0.1:6379', embedded: true });
    expect(config.s3).toMatchObject({
      embedded: true,
      endpoint: 'http://127.0.0.1:3900',
      forcePathStyle: true,
      publicBaseUrl: 'http://127.0.0.1:3900/folkemote-public',
    });
    expect(config.worker.inProcess).toBe(true);
    expect(config.worker.loudness).toEqual({ targetLufs: -16, truePeakDbtp: -1.5 });
    expect(config.questions).toEqual({ askPerMinute: 5, votesPerMinute: 60 });
  });

  it('takes the Q&A limits per registrant from the environment, and refuses nonsense', () => {
    expect(loadConfig({ QA_QUESTIONS_PER_MINUTE: '2', QA_VOTES_PER_MINUTE: '120' }).questions).toEqual({
      askPerMinute: 2,
      votesPerMinute: 120,
    });
    expect(() => loadConfig({ QA_QUESTIONS_PER_MINUTE: '0' })).toThrow(/QA_QUESTIONS_PER_MINUTE/);
  });

  it('uses PostgreSQL, a given Redis and S3 endpoint when they are set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db:5432/folkemote',
      REDIS_URL: 'redis://cache:6379',
      S3_ENDPOINT: 'https://s3.eu-north-1.amazonaws.com',
      PUBLIC_BASE_URL: 'https://opptak.example.no/',
    });
    expect(config.database.kind).toBe('postgres');
    expect(config.redis.embedded).toBe(false);
    expect(config.s3.forcePathStyle).toBe(false);
    expect(config.s3.publicBaseUrl).toBe('https://opptak.example.no');
    expect(config.worker.inProcess).toBe(false);
  });

  it('lists every bad key at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOUDNESS_TARGET_LUFS: '3',
        DEMO_CONTENT: 'maybe',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).issues.map((i) => i.split(':')[0]);
    expect(keys.sort()).toEqual(['DATABASE_URL', 'DEMO_CONTENT', 'LOUDNESS_TARGET_LUFS', 'PORT']);
  });

  it('signs organisers in with local accounts only until an OpenID Connect provider is fully configured', () => {
    expect(loadConfig({}).auth).toEqual({
      sessionTtlHours: 12,
      passwordChecks: { atOnce: 2, waiting: 32 },
      oidc: null,
    });
    expect(
      loadConfig({
        OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
        OIDC_CLIENT_ID: 'folkemote',
        OIDC_CLIENT_SECRET: 'secret',
      }).auth.oidc,
    ).toEqual({
      issuer: 'https://login.microsoftonline.com/tenant/v2.0',
      clientId: 'folkemote',
      clientSecret: 'secret',
    });
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.no' })).toThrow(
      /OIDC_CLIENT_ID: must be set together[\s\S]*OIDC_CLIENT_SECRET: must be set together/,
    );
  });

  it('asks LiveKit itself for Egress unless another Egress service is named', () => {
    const real = loadConfig({ LIVEKIT_URL: 'wss://live.example.no/' }).livekit;
    expect(real.apiUrl).toBe('https://live.example.no');
    expect(real.egressUrl).toBe('https://live.example.no');
    const recorder = loadConfig({
      LIVEKIT_URL: 'ws://127.0.0.1:7880',
      LIVEKIT_EGRESS_URL: 'http://127.0.0.1:7890/',
    }).livekit;
    expect(recorder.apiUrl).toBe('http://127.0.0.1:7880');
    expect(recorder.egressUrl).toBe('http://127.0.0.1:7890');
    expect(() => loadConfig({ LIVEKIT_EGRESS_URL: 'recorder:7890' })).toThrow(
      /LIVEKIT_EGRESS_URL: must be a ws:\/\/, wss:\/\/, http:\/\/ or https:\/\/ URL/,
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('pglite');
  });
});
