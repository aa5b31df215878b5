// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Compose syntax, not templates.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { interpolate, MissingVariableError } from './compose-interpolation.ts';
import {
  checkAppEnvironment,
  checkComposeStructure,
  checkComposeVariables,
  checkLivekitAddresses,
  checkLivekitKeys,
  checkMediaPorts,
  checkProxy,
  checkPublishedPorts,
  checkRecordingStorage,
  checkRedisAddresses,
  checkRedisProtected,
  checkSecretsStayOut,
  checkWebhook,
  checkWorkerShutdown,
  infraChecks,
} from './infra-checks.ts';
import {
  buildInfraModel,
  type InfraFiles,
  type InfraModel,
  infraDir,
  readInfraFiles,
} from './infra-model.ts';

// What an operator puts in infra/.env: made-up values of the right shape, none of them real.
const operatorEnv: Record<string, string> = {
  APP_DOMAIN: 'webinar.example.no',
  LIVEKIT_DOMAIN: 'live.example.no',
  REPLAY_DOMAIN: 'opptak.example.no',
  POSTGRES_PASSWORD: 'a'.repeat(64),
  S3_ACCESS_KEY_ID: 'folkemote',
  S3_SECRET_ACCESS_KEY: 'b'.repeat(64),
  LIVEKIT_API_SECRET: 'c'.repeat(64),
  REDIS_PASSWORD: 'e'.repeat(64),
  SMTP_URL: 'smtp://mailer:d-password@smtp.example.no:587',
  MAIL_FROM: 'Folkemøte <webinar@example.no>',
};

const files = readInfraFiles();

/** The files with one of them changed, read again: a drift that the named check must report. */
function drifted(change: (copy: InfraFiles) => void, env = operatorEnv): InfraModel {
  const copy: InfraFiles = {
    ...files,
    compose: structuredClone(files.compose),
    livekit: structuredClone(files.livekit),
    egress: structuredClone(files.egress),
  };
  change(copy);
  return buildInfraModel(copy, env);
}

// Loosely typed access to the parsed YAML, for changing it in the drift cases.
// biome-ignore lint/suspicious/noExplicitAny: the drift cases poke at arbitrary YAML.
type Yaml = any;
const compose = (f: InfraFiles): Yaml => f.compose;
const livekit = (f: InfraFiles): Yaml => f.livekit;
const egress = (f: InfraFiles): Yaml => f.egress;

describe('the production deployment files (infra/) agree with each other and with the env schema', () => {
  const model = buildInfraModel(files, operatorEnv);

  it.each(Object.entries(infraChecks))('%s', (_name, check) => {
    expect(check(model)).toEqual([]);
  });

  it('reads the same stack Compose would: every service and the secrets in place', () => {
    expect(Object.keys(model.compose.services).sort()).toEqual(
      ['api', 'caddy', 'egress', 'livekit', 'minio', 'minio-init', 'postgres', 'redis', 'worker'].sort(),
    );
    const api = model.compose.services.api!.environment as Record<string, string>;
    expect(api.DATABASE_URL).toBe(`postgres://folkemote:${'a'.repeat(64)}@postgres:5432/folkemote`);
    expect(api.PUBLIC_BASE_URL).toBe('https://opptak.example.no');
    expect(api.LIVEKIT_PUBLIC_URL).toBe('wss://live.example.no');
    expect(api.REDIS_URL).toBe(`redis://default:${'e'.repeat(64)}@redis:6379`);
    expect(model.compose.services.livekit!.environment).toEqual({
      LIVEKIT_KEYS: `folkemote: ${'c'.repeat(64)}`,
      REDIS_PASSWORD: 'e'.repeat(64),
    });
  });
});

describe('Compose interpolation as the tests read it', () => {
  it('stops and names the variable when a required secret is left empty', () => {
    const { LIVEKIT_API_SECRET: _left, ...rest } = operatorEnv;
    expect(() => buildInfraModel(files, rest)).toThrow(MissingVariableError);
    expect(() => buildInfraModel(files, { ...rest, LIVEKIT_API_SECRET: '' })).toThrow(/LIVEKIT_API_SECRET/);
  });

  it('handles defaults, nesting and escapes as Compose does', () => {
    expect(interpolate('${A:-${B}}/$${C}', { B: 'b' })).toBe('b/${C}');
    expect(interpolate('${A-x}|${A:-y}', { A: '' })).toBe('|y');
    expect(interpolate('${A:+set}${B+unset}', { A: '1' })).toBe('set');
    expect(() => interpolate('${A:?give A}', {})).toThrow('required variable A is missing a value: give A');
  });
});

describe('each check reports what drifted', () => {
  it('a key the env schema does not know, and a value it rejects', () => {
    const model = drifted((f) => {
      compose(f).services.api.environment.LIVEKIT_SECRET = 'x';
      compose(f).services.api.environment.TRUST_PROXY_HOPS = 'one';
    });
    const problems = checkAppEnvironment(model);
    expect(problems).toContain(
      'api: LIVEKIT_SECRET is not a key of the env schema (packages/config/src/env-schema.ts)',
    );
    expect(problems.some((p) => p.startsWith('api: TRUST_PROXY_HOPS:') && p.includes('"one"'))).toBe(true);
  });

  it('api and worker pointing at different buckets', () => {
    const model = drifted((f) => {
      compose(f).services.worker.environment = {
        ...compose(f).services.worker.environment,
        S3_RAW_BUCKET: 'other-raw',
      };
    });
    expect(checkAppEnvironment(model)).toContain('api and worker disagree on S3_RAW_BUCKET');
  });

  it("the raw bucket egress writes to is not the api's", () => {
    const model = drifted((f) => {
      egress(f).storage.s3.bucket = 'recordings';
    });
    expect(checkRecordingStorage(model)).toEqual([
      "egress.yaml storage.s3.bucket is recordings, the api's is folkemote-raw",
    ]);
  });

  it('an S3 block where egress ≥ v1.9 no longer reads it', () => {
    const model = drifted((f) => {
      egress(f).s3 = egress(f).storage.s3;
      delete egress(f).storage;
    });
    expect(checkRecordingStorage(model)).toContain(
      'livekit/egress.yaml has a top-level s3 block, which egress ≥ v1.9 ignores: nest it under storage',
    );
  });

  it('webhooks sent to the wrong port or route', () => {
    const model = drifted((f) => {
      livekit(f).webhook.urls = ['http://api:8080/api/webhook/livekit'];
    });
    expect(checkWebhook(model)).toEqual([
      'livekit.yaml webhook goes to port 8080, the api listens on 3000',
      "livekit.yaml webhook goes to /api/webhook/livekit, the api's route is /api/webhooks/livekit",
    ]);
  });

  it('webhooks signed with a key the api does not check against', () => {
    const model = drifted((f) => {
      livekit(f).webhook.api_key = 'devkey';
    });
    expect(checkLivekitKeys(model)).toEqual([
      'livekit.yaml signs webhooks with key "devkey", but the api checks them against "folkemote"',
    ]);
  });

  it('LiveKit accepting another key than the api and egress use', () => {
    const model = drifted((f) => {
      compose(f).services.livekit.environment.LIVEKIT_KEYS = 'lk: ${LIVEKIT_API_SECRET:?}';
    });
    const problems = checkLivekitKeys(model);
    expect(problems).toContain(
      'api signs with LiveKit key "folkemote", but LiveKit accepts "lk" (LIVEKIT_KEYS)',
    );
    expect(problems).toContain(
      'worker signs with LiveKit key "folkemote", but LiveKit accepts "lk" (LIVEKIT_KEYS)',
    );
  });

  it("egress using another secret than LiveKit's", () => {
    const model = drifted((f) => {
      compose(f).services.egress.environment.LIVEKIT_API_SECRET = '${POSTGRES_PASSWORD:?}';
    });
    expect(checkLivekitKeys(model)).toEqual(["egress's LIVEKIT_API_SECRET differs from the api's"]);
  });

  it('egress dialling a port LiveKit does not listen on', () => {
    const model = drifted((f) => {
      egress(f).ws_url = 'ws://livekit:7881';
    });
    expect(checkLivekitAddresses(model)).toEqual([
      'egress.yaml ws_url points at livekit:7881, LiveKit listens at livekit:7880',
    ]);
  });

  it('LiveKit and egress on different Redis addresses', () => {
    const model = drifted((f) => {
      livekit(f).redis.address = 'redis:6380';
    });
    expect(checkRedisAddresses(model)).toEqual([
      'livekit.yaml redis.address is redis:6380, Redis listens at redis:6379',
      "egress.yaml redis.address is redis:6379, LiveKit's is redis:6380: egress would never get a request",
    ]);
  });

  it('Redis open to every network, with no password, or a client without it', () => {
    const open = drifted((f) => {
      const redis = compose(f).services.redis;
      redis.networks = ['default'];
      redis.command = ['redis-server', '/usr/local/etc/redis/redis.conf'];
      delete redis.entrypoint;
      delete redis.environment;
      f.redisConf = f.redisConf.replace('protected-mode yes', 'bind 0.0.0.0\nprotected-mode yes');
    });
    expect(checkRedisProtected(open)).toEqual([
      'redis/redis.conf binds Redis to every interface',
      'redis is on network default, which is not internal',
      'redis has no REDIS_PASSWORD to require',
      'redis does not start with requirepass from REDIS_PASSWORD',
      'redis does not start with a bind address',
      "api does not have Redis's password",
      "worker does not have Redis's password",
      "livekit does not have Redis's password",
      "egress does not have Redis's password",
    ]);
    const noPassword = drifted((f) => {
      compose(f)['x-app-env'].REDIS_URL = 'redis://redis:6379';
      compose(f).services.worker.environment.REDIS_URL = 'redis://redis:6379';
      compose(f).services.api.environment.REDIS_URL = 'redis://redis:6379';
      compose(f).services.egress.networks = ['default'];
    });
    expect(checkRedisProtected(noPassword)).toEqual([
      "api does not have Redis's password",
      "worker does not have Redis's password",
      'egress shares no network with redis',
    ]);
  });

  it('a UDP range LiveKit advertises but compose does not publish', () => {
    const model = drifted((f) => {
      livekit(f).rtc.port_range_end = 51999;
    });
    expect(checkMediaPorts(model)).toEqual([
      'LiveKit\'s UDP range is 50000-51999; compose publishes 7881:7881/tcp, 50000-50999:50000-50999/udp (need "50000-51999:50000-51999/udp")',
    ]);
  });

  it('two services publishing the same host port', () => {
    const model = drifted((f) => {
      compose(f).services.caddy.ports.push('7881:7881');
    });
    expect(checkPublishedPorts(model)).toEqual([
      'livekit "7881:7881/tcp" and caddy "7881:7881" both publish tcp host port 7881',
    ]);
  });

  it('depends_on naming a service that does not exist', () => {
    const model = drifted((f) => {
      compose(f).services.egress.depends_on.valkey = { condition: 'service_started' };
    });
    expect(checkComposeStructure(model)[0]).toMatch(
      /^service egress: depends_on "valkey", which is not a service/,
    );
  });

  it('a secret written into compose.yaml', () => {
    const model = drifted((f) => {
      compose(f).services.postgres.environment.POSTGRES_PASSWORD = 'hunter2-but-longer';
    });
    expect(checkSecretsStayOut(model)).toEqual([
      'service postgres: POSTGRES_PASSWORD is written in compose.yaml; take it from infra/.env (${POSTGRES_PASSWORD:?…})',
    ]);
  });

  it('a variable compose requires that .env.example does not ask for', () => {
    const model = drifted(
      (f) => {
        compose(f).services.caddy.environment.ACME_EMAIL = '${ACME_EMAIL:?}';
      },
      { ...operatorEnv, ACME_EMAIL: 'drift@example.no' },
    );
    expect(checkComposeVariables(model)).toEqual([
      'compose.yaml requires ACME_EMAIL, but .env.example does not ask for it',
      'compose.yaml reads ACME_EMAIL, which .env.example does not mention',
    ]);
  });

  it('Docker killing the worker before its jobs are handed back', () => {
    const model = drifted((f) => {
      compose(f).services.worker.stop_grace_period = '15s';
    });
    expect(checkWorkerShutdown(model)).toEqual([
      "worker's stop_grace_period (15000 ms) is not longer than WORKER_SHUTDOWN_GRACE_MS (20000 ms): Docker would kill running jobs before they are handed back",
    ]);
  });

  it('the proxy sending the app to a port the api does not listen on', () => {
    const model = drifted((f) => {
      f.caddyfile = f.caddyfile.replace('reverse_proxy api:3000', 'reverse_proxy api:8080');
    });
    expect(checkProxy(model)).toEqual([
      'Caddyfile sends {$APP_DOMAIN} to minio:9000, api:8080, expected api:3000',
    ]);
  });
});

describe('the livekit-server version bootstrap builds', () => {
  const script = fileURLToPath(new URL('../../../scripts/livekit-version.sh', import.meta.url));
  const readPin = (composeFile?: string) =>
    execFileSync('bash', [script, ...(composeFile ? [composeFile] : [])], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  /** The script run on a copy of compose.yaml with one change. */
  const readPinFrom = (change: (text: string) => string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'livekit-pin-'));
    try {
      const file = path.join(dir, 'compose.yaml');
      writeFileSync(file, change(readFileSync(path.join(infraDir, 'compose.yaml'), 'utf8')));
      return readPin(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('is the version of the image compose deploys', () => {
    const image = (files.compose as { services: Record<string, { image?: string }> }).services.livekit?.image;
    expect(`livekit/livekit-server:v${readPin()}`).toBe(image);
  });

  it('follows the image tag when it moves', () => {
    expect(readPinFrom((text) => text.replace(/livekit-server:v[\d.]+/, 'livekit-server:v1.14.0'))).toBe(
      '1.14.0',
    );
  });

  it('stops with a message when compose pins no version it can read', () => {
    expect(() =>
      readPinFrom((text) => text.replace(/livekit-server:v[\d.]+/, 'livekit-server:latest')),
    ).toThrow(/has no single 'image: livekit\/livekit-server:vX\.Y\.Z' line/);
  });
});
