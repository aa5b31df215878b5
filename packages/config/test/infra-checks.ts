import { type Config, ConfigError, envSchema, loadConfig } from '../src/index.ts';
import { isSingleReference, listReferences } from './compose-interpolation.ts';
import {
  composeServiceKeys,
  composeTopLevelKeys,
  dependencies,
  durationMs,
  egressKeys,
  type InfraModel,
  livekitKeys,
  type PublishedPort,
  parsePorts,
  parseVolumes,
  type Service,
  serviceEnv,
} from './infra-model.ts';

/**
 * Cross-checks of the deployment files. Each returns what differs, in words an operator can act
 * on; an empty list means the files agree. Service names are those of infra/compose.yaml.
 */
export type InfraCheck = (model: InfraModel) => string[];

const apiService = 'api';
const workerService = 'worker';
const livekitService = 'livekit';
const egressService = 'egress';
const redisService = 'redis';
const proxyService = 'caddy';
const webhookPath = '/api/webhooks/livekit';

/** Keys api and worker must agree on, or one of them talks to something the other does not. */
const sharedKeys = [
  'NODE_ENV',
  'DATABASE_URL',
  'REDIS_URL',
  'QUEUE_PREFIX',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_RAW_BUCKET',
  'S3_PUBLIC_BUCKET',
  'PUBLIC_APP_URL',
  'PUBLIC_BASE_URL',
  'LIVEKIT_URL',
  'LIVEKIT_EGRESS_URL',
  'LIVEKIT_PUBLIC_URL',
  'LIVEKIT_API_KEY',
  'LIVEKIT_API_SECRET',
  'SMTP_URL',
  'MAIL_FROM',
];

const secretName = /SECRET|PASSWORD/;

function service(model: InfraModel, name: string): Service | undefined {
  return model.compose.services[name];
}

/** The services built from our Dockerfile: the api and the worker. */
function appServices(model: InfraModel): string[] {
  return Object.entries(model.compose.services)
    .filter(([, s]) => s.build !== undefined)
    .map(([name]) => name);
}

/** The environment the app sees in its container: the image's ENV, then compose's environment. */
function appEnv(model: InfraModel, name: string): Record<string, string> {
  return { ...model.dockerfileEnv, ...serviceEnv(service(model, name)) };
}

function appConfig(model: InfraModel, name: string): Config | null {
  try {
    return loadConfig(appEnv(model, name));
  } catch {
    return null;
  }
}

function hostPort(url: URL): string {
  const port =
    url.port ||
    { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'redis:': '6379' }[url.protocol];
  return `${url.hostname}:${port}`;
}

function tryUrl(text: string | undefined): URL | null {
  if (!text) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

export const checkComposeStructure: InfraCheck = (model) => {
  const problems: string[] = [];
  for (const key of Object.keys(model.files.compose as object))
    if (!key.startsWith('x-') && !composeTopLevelKeys.has(key))
      problems.push(`compose.yaml: unknown top-level key "${key}"`);
  const services = model.compose.services;
  const declared = new Set(Object.keys(model.compose.volumes ?? {}));
  const mounted = new Set<string>();
  for (const [name, s] of Object.entries(services)) {
    for (const key of Object.keys(s))
      if (!key.startsWith('x-') && !composeServiceKeys.has(key))
        problems.push(`service ${name}: unknown key "${key}"`);
    if (!s.image && !s.build) problems.push(`service ${name}: has neither image nor build`);
    if (s.image && !s.build) {
      const tag = /:([\w][\w.-]*)$/.exec(s.image.split('@')[0]!.split('/').pop()!)?.[1];
      if (!tag || tag === 'latest')
        problems.push(`service ${name}: image "${s.image}" is not pinned to a version tag`);
    }
    for (const [target, { condition }] of Object.entries(dependencies(s))) {
      const other = services[target];
      if (!other) {
        problems.push(
          `service ${name}: depends_on "${target}", which is not a service (services: ${Object.keys(services).join(', ')})`,
        );
        continue;
      }
      if (condition === 'service_healthy' && !other.healthcheck)
        problems.push(`service ${name}: waits for ${target} to be healthy, but ${target} has no healthcheck`);
      if (condition === 'service_completed_successfully' && (other.restart ?? 'no') !== 'no')
        problems.push(
          `service ${name}: waits for ${target} to complete, but ${target} restarts (restart: ${other.restart})`,
        );
    }
    for (const mount of parseVolumes(s)) {
      if (mount.kind === 'volume') {
        mounted.add(mount.source!);
        if (!declared.has(mount.source!))
          problems.push(
            `service ${name}: volume "${mount.source}" is not declared under the top-level volumes`,
          );
      }
      if (mount.kind === 'bind' && !model.files.exists(mount.source!))
        problems.push(`service ${name}: bind-mount source ${mount.source} does not exist in infra/`);
    }
  }
  for (const volume of declared)
    if (!mounted.has(volume)) problems.push(`volume "${volume}" is declared but no service mounts it`);
  return problems;
};

export const checkPublishedPorts: InfraCheck = (model) => {
  const problems: string[] = [];
  const ports: PublishedPort[] = [];
  for (const [name, s] of Object.entries(model.compose.services)) {
    try {
      ports.push(...parsePorts(name, s));
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  const anyAddress = (ip: string) => ip === '0.0.0.0' || ip === '::';
  for (const p of ports)
    if (p.hostTo - p.hostFrom !== p.containerTo - p.containerFrom)
      problems.push(`service ${p.service}: "${p.spec}" maps host and container ranges of different lengths`);
  for (let i = 0; i < ports.length; i++)
    for (let j = i + 1; j < ports.length; j++) {
      const a = ports[i]!;
      const b = ports[j]!;
      const sameAddress = a.hostIp === b.hostIp || anyAddress(a.hostIp) || anyAddress(b.hostIp);
      if (a.protocol !== b.protocol || !sameAddress) continue;
      const from = Math.max(a.hostFrom, b.hostFrom);
      const to = Math.min(a.hostTo, b.hostTo);
      if (from <= to)
        problems.push(
          `${a.service} "${a.spec}" and ${b.service} "${b.spec}" both publish ${a.protocol} host port ${from === to ? from : `${from}-${to}`}`,
        );
    }
  return problems;
};

export const checkComposeVariables: InfraCheck = (model) => {
  const problems: string[] = [];
  const required = new Set(
    model.references.filter((r) => r.operator === ':?' || r.operator === '?').map((r) => r.name),
  );
  const referenced = new Set(model.references.map((r) => r.name));
  const listed = new Set(model.envExample.required);
  const mentioned = new Set([...model.envExample.required, ...model.envExample.optional]);
  for (const name of required)
    if (!listed.has(name))
      problems.push(`compose.yaml requires ${name}, but .env.example does not ask for it`);
  for (const name of listed)
    if (!required.has(name))
      problems.push(
        referenced.has(name)
          ? `.env.example asks for ${name}, which compose.yaml treats as optional: comment it out there`
          : `.env.example asks for ${name}, which compose.yaml never reads`,
      );
  for (const name of referenced)
    if (!mentioned.has(name))
      problems.push(`compose.yaml reads ${name}, which .env.example does not mention`);
  for (const name of model.envExample.optional)
    if (!referenced.has(name)) problems.push(`.env.example mentions ${name}, which compose.yaml never reads`);
  return problems;
};

/** Secrets come from infra/.env through a reference with no default; no file in the repo holds one. */
export const checkSecretsStayOut: InfraCheck = (model) => {
  const problems: string[] = [];
  const fromEnvOnly = (raw: string) => {
    if (!isSingleReference(raw)) return false;
    const [ref] = listReferences(raw);
    return ref!.operator === ':?' || ref!.operator === '?' || ref!.argument === '';
  };
  for (const [name, raw] of Object.entries(model.rawServices)) {
    const env = serviceEnv(raw as Service);
    for (const [key, value] of Object.entries(env)) {
      if (secretName.test(key) && !fromEnvOnly(value))
        problems.push(
          `service ${name}: ${key} is written in compose.yaml; take it from infra/.env (\${${key}:?…})`,
        );
      if (key === 'LIVEKIT_KEYS')
        for (const line of value.split('\n').filter((l) => l.trim()))
          if (!fromEnvOnly(line.slice(line.indexOf(':') + 1).trim()))
            problems.push(`service ${name}: a LiveKit secret is written in compose.yaml (LIVEKIT_KEYS)`);
      const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]+:([^@]+)@/.exec(value)?.[1];
      if (password && !fromEnvOnly(password))
        problems.push(
          `service ${name}: the password in ${key} is written in compose.yaml; take it from infra/.env`,
        );
    }
  }
  const livekit = model.files.livekit as Record<string, unknown>;
  if (livekit.keys)
    problems.push('livekit/livekit.yaml holds API keys: pass them as LIVEKIT_KEYS from infra/.env');
  const egress = model.files.egress as {
    api_secret?: unknown;
    storage?: { s3?: { secret?: unknown; access_key?: unknown } };
  };
  if (egress.api_secret)
    problems.push('livekit/egress.yaml holds api_secret: pass LIVEKIT_API_SECRET instead');
  if (egress.storage?.s3?.secret || egress.storage?.s3?.access_key)
    problems.push(
      'livekit/egress.yaml holds S3 credentials: pass AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY instead',
    );
  return problems;
};

/** Every key given to api and worker is one of the env schema's, and the whole set loads. */
export const checkAppEnvironment: InfraCheck = (model) => {
  const problems: string[] = [];
  const known = new Set(Object.keys(envSchema.shape));
  const apps = appServices(model);
  if (!apps.includes(apiService) || !apps.includes(workerService))
    problems.push(
      `compose.yaml builds ${apps.join(', ') || 'nothing'}; expected the ${apiService} and ${workerService} services`,
    );
  for (const name of apps) {
    const env = serviceEnv(service(model, name));
    for (const key of Object.keys(env))
      if (!known.has(key))
        problems.push(`${name}: ${key} is not a key of the env schema (packages/config/src/env-schema.ts)`);
    const nonEmpty = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
    const parsed = envSchema.safeParse(nonEmpty);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        const shown = secretName.test(key) ? '' : ` (value "${nonEmpty[key]}")`;
        problems.push(`${name}: ${key}: ${issue.message}${shown}`);
      }
    let config: Config;
    try {
      config = loadConfig(appEnv(model, name));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      for (const issue of err.issues) problems.push(`${name}: ${issue}`);
      continue;
    }
    const expect = (ok: boolean, what: string) => ok || problems.push(`${name}: ${what}`);
    expect(config.env === 'production', `runs with NODE_ENV=${config.env}, not production`);
    expect(config.database.kind === 'postgres', 'has no DATABASE_URL: it would start embedded PGlite');
    expect(!config.redis.embedded, 'has no REDIS_URL: it would start a redis-server of its own');
    expect(!config.s3.embedded, 'has no S3_ENDPOINT: it would start the embedded S3-protocol server');
    expect(!config.livekit.standIn, 'has no LIVEKIT_URL: it would start the LiveKit stand-in (no media)');
    expect(!config.demoContent, 'would add demo content (DEMO_CONTENT is not false)');
    if (name === apiService) {
      expect(!config.worker.inProcess, 'would also run the worker (WORKER_IN_PROCESS is not false)');
      expect(config.host === '0.0.0.0', `listens on ${config.host}, which no other container can reach`);
    }
  }
  if (apps.includes(apiService) && apps.includes(workerService)) {
    const api = serviceEnv(service(model, apiService));
    const worker = serviceEnv(service(model, workerService));
    for (const key of sharedKeys)
      if (api[key] !== worker[key]) problems.push(`${apiService} and ${workerService} disagree on ${key}`);
  }
  return problems;
};

/** The key pair the api signs with is one LiveKit accepts, egress uses, and webhooks are signed with. */
export const checkLivekitKeys: InfraCheck = (model) => {
  const problems: string[] = [];
  const accepted = new Map(Object.entries(model.livekit.keys ?? {}));
  for (const line of (serviceEnv(service(model, livekitService)).LIVEKIT_KEYS ?? '').split('\n')) {
    const m = /^\s*([^:\s]+)\s*:\s*(\S+)\s*$/.exec(line);
    if (m) accepted.set(m[1]!, m[2]!);
  }
  const names = [...accepted.keys()].map((k) => `"${k}"`).join(', ') || 'none';
  for (const name of [apiService, workerService]) {
    const config = appConfig(model, name);
    if (!config) continue; // reported by checkAppEnvironment
    const { apiKey, apiSecret } = config.livekit;
    if (!accepted.has(apiKey))
      problems.push(
        `${name} signs with LiveKit key "${apiKey}", but LiveKit accepts ${names} (LIVEKIT_KEYS)`,
      );
    else if (accepted.get(apiKey) !== apiSecret)
      problems.push(`LiveKit's secret for "${apiKey}" differs from ${name}'s LIVEKIT_API_SECRET`);
  }
  const api = appConfig(model, apiService);
  if (!api) return problems;
  const egressEnv = serviceEnv(service(model, egressService));
  const egressKey = model.egress.api_key ?? egressEnv.LIVEKIT_API_KEY;
  const egressSecret = model.egress.api_secret ?? egressEnv.LIVEKIT_API_SECRET;
  if (egressKey !== api.livekit.apiKey)
    problems.push(
      `egress uses LiveKit key "${egressKey}" (egress.yaml api_key), the api "${api.livekit.apiKey}"`,
    );
  if (egressSecret !== api.livekit.apiSecret)
    problems.push("egress's LIVEKIT_API_SECRET differs from the api's");
  if (model.livekit.webhook.api_key !== api.livekit.apiKey)
    problems.push(
      `livekit.yaml signs webhooks with key "${model.livekit.webhook.api_key}", but the api checks them against "${api.livekit.apiKey}"`,
    );
  return problems;
};

export const checkWebhook: InfraCheck = (model) => {
  const problems: string[] = [];
  const api = appConfig(model, apiService);
  for (const text of model.livekit.webhook.urls) {
    const url = tryUrl(text);
    if (!url) {
      problems.push(`livekit.yaml webhook URL "${text}" is not a URL`);
      continue;
    }
    if (url.hostname !== apiService)
      problems.push(`livekit.yaml webhook goes to host "${url.hostname}", not the ${apiService} service`);
    if (api && hostPort(url) !== `${url.hostname}:${api.port}`)
      problems.push(
        `livekit.yaml webhook goes to port ${hostPort(url).split(':')[1]}, the api listens on ${api.port}`,
      );
    if (url.pathname !== webhookPath)
      problems.push(`livekit.yaml webhook goes to ${url.pathname}, the api's route is ${webhookPath}`);
    if (url.protocol !== 'http:')
      problems.push(
        `livekit.yaml webhook uses ${url.protocol}; the api speaks plain HTTP inside the network`,
      );
  }
  return problems;
};

/** Egress and the api reach LiveKit where it listens; browsers reach it where the proxy serves it. */
export const checkLivekitAddresses: InfraCheck = (model) => {
  const problems: string[] = [];
  if (!service(model, livekitService)) return [`compose.yaml has no ${livekitService} service`];
  const expected = `${livekitService}:${model.livekit.port}`;
  const ws = tryUrl(model.egress.ws_url);
  if (!ws || !/^wss?:$/.test(ws.protocol))
    problems.push(`egress.yaml ws_url "${model.egress.ws_url}" is not a ws:// or wss:// URL`);
  else if (hostPort(ws) !== expected)
    problems.push(`egress.yaml ws_url points at ${hostPort(ws)}, LiveKit listens at ${expected}`);
  for (const name of [apiService, workerService]) {
    const config = appConfig(model, name);
    if (!config) continue;
    const apiUrl = tryUrl(config.livekit.apiUrl);
    if (apiUrl && hostPort(apiUrl) !== expected)
      problems.push(`${name}'s LIVEKIT_URL points at ${hostPort(apiUrl)}, LiveKit listens at ${expected}`);
    const domain = serviceEnv(service(model, proxyService)).LIVEKIT_DOMAIN;
    if (domain !== undefined && config.livekit.publicUrl !== `wss://${domain}`)
      problems.push(
        `${name}'s LIVEKIT_PUBLIC_URL is ${config.livekit.publicUrl}, the proxy serves LiveKit at wss://${domain}`,
      );
  }
  return problems;
};

/** Media ports are published 1:1 as LiveKit advertises them in ICE candidates. */
export const checkMediaPorts: InfraCheck = (model) => {
  const problems: string[] = [];
  const s = service(model, livekitService);
  if (!s) return [];
  const published = parsePorts(livekitService, s);
  const oneToOne = (protocol: 'tcp' | 'udp', from: number, to: number) =>
    published.some(
      (p) =>
        p.protocol === protocol &&
        p.hostFrom === from &&
        p.hostTo === to &&
        p.containerFrom === from &&
        p.containerTo === to,
    );
  const shown = published.map((p) => p.spec).join(', ') || 'nothing';
  const { tcp_port, udp_port, port_range_start, port_range_end } = model.livekit.rtc;
  if (tcp_port !== undefined && !oneToOne('tcp', tcp_port, tcp_port))
    problems.push(`LiveKit's rtc.tcp_port is ${tcp_port}; compose publishes ${shown}`);
  if (udp_port !== undefined && !oneToOne('udp', udp_port, udp_port))
    problems.push(`LiveKit's rtc.udp_port is ${udp_port}; compose publishes ${shown}`);
  if (port_range_start !== undefined || port_range_end !== undefined) {
    if (port_range_start === undefined || port_range_end === undefined || port_range_end < port_range_start)
      problems.push('livekit.yaml sets only one end of the rtc port range, or they are reversed');
    else if (!oneToOne('udp', port_range_start, port_range_end))
      problems.push(
        `LiveKit's UDP range is ${port_range_start}-${port_range_end}; compose publishes ${shown} (need "${port_range_start}-${port_range_end}:${port_range_start}-${port_range_end}/udp")`,
      );
  }
  if (udp_port === undefined && port_range_start === undefined)
    problems.push(
      'livekit.yaml sets neither rtc.udp_port nor an rtc port range: media would use random ports',
    );
  return problems;
};

/** Egress writes where the pipeline reads: the api's raw bucket, endpoint and credentials. */
export const checkRecordingStorage: InfraCheck = (model) => {
  const problems: string[] = [];
  const api = appConfig(model, apiService);
  if ('s3' in (model.files.egress as object))
    problems.push(
      'livekit/egress.yaml has a top-level s3 block, which egress ≥ v1.9 ignores: nest it under storage',
    );
  const s3 = model.egress.storage?.s3;
  if (!s3)
    problems.push('livekit/egress.yaml has no storage.s3: recordings would stay inside the egress container');
  if (!api || !s3) return problems;
  const differs = (what: string, egress: unknown, ours: unknown) =>
    egress !== ours && problems.push(`egress.yaml storage.s3.${what} is ${egress}, the api's is ${ours}`);
  differs('bucket', s3.bucket, api.s3.rawBucket);
  differs('endpoint', s3.endpoint, api.s3.endpoint);
  differs('region', s3.region, api.s3.region);
  differs('force_path_style', s3.force_path_style ?? false, api.s3.forcePathStyle);
  const egressEnv = serviceEnv(service(model, egressService));
  if ((s3.access_key ?? egressEnv.AWS_ACCESS_KEY_ID) !== api.s3.accessKeyId)
    problems.push("egress's S3 access key (AWS_ACCESS_KEY_ID) differs from the api's S3_ACCESS_KEY_ID");
  if ((s3.secret ?? egressEnv.AWS_SECRET_ACCESS_KEY) !== api.s3.secretAccessKey)
    problems.push("egress's S3 secret (AWS_SECRET_ACCESS_KEY) differs from the api's S3_SECRET_ACCESS_KEY");
  const init = service(model, 'minio-init');
  if (init) {
    const env = serviceEnv(init);
    if (env.RAW_BUCKET !== api.s3.rawBucket)
      problems.push(`minio-init creates raw bucket ${env.RAW_BUCKET}, the api uses ${api.s3.rawBucket}`);
    if (env.PUBLIC_BUCKET !== api.s3.publicBucket)
      problems.push(
        `minio-init opens bucket ${env.PUBLIC_BUCKET} to the public, the api publishes to ${api.s3.publicBucket}`,
      );
  }
  const minio = service(model, 'minio');
  if (minio) {
    const env = serviceEnv(minio);
    if (env.MINIO_ROOT_USER !== api.s3.accessKeyId || env.MINIO_ROOT_PASSWORD !== api.s3.secretAccessKey)
      problems.push("minio's root user and password differ from the api's S3 credentials");
  }
  const endpoint = tryUrl(api.s3.endpoint);
  if (endpoint && model.compose.services[endpoint.hostname] === undefined && !endpoint.hostname.includes('.'))
    problems.push(`S3_ENDPOINT names host "${endpoint.hostname}", which is not a service`);
  return problems;
};

/** One Redis for queues, pub/sub, LiveKit's routing and egress's requests. */
export const checkRedisAddresses: InfraCheck = (model) => {
  const problems: string[] = [];
  if (!service(model, redisService)) return [`compose.yaml has no ${redisService} service`];
  const expected = `${redisService}:${model.redisPort}`;
  for (const name of appServices(model)) {
    const url = tryUrl(serviceEnv(service(model, name)).REDIS_URL);
    if (url && hostPort(url) !== expected)
      problems.push(`${name}'s REDIS_URL points at ${hostPort(url)}, Redis listens at ${expected}`);
  }
  if (model.livekit.redis.address !== expected)
    problems.push(
      `livekit.yaml redis.address is ${model.livekit.redis.address}, Redis listens at ${expected}`,
    );
  if (model.egress.redis.address !== model.livekit.redis.address)
    problems.push(
      `egress.yaml redis.address is ${model.egress.redis.address}, LiveKit's is ${model.livekit.redis.address}: egress would never get a request`,
    );
  return problems;
};

export const checkWorkerShutdown: InfraCheck = (model) => {
  const problems: string[] = [];
  const worker = service(model, workerService);
  const config = appConfig(model, workerService);
  if (!worker || !config) return problems;
  const grace = durationMs(worker.stop_grace_period ?? '10s');
  if (grace <= config.worker.shutdownGraceMs)
    problems.push(
      `worker's stop_grace_period (${grace} ms) is not longer than WORKER_SHUTDOWN_GRACE_MS (${config.worker.shutdownGraceMs} ms): Docker would kill running jobs before they are handed back`,
    );
  const mount = parseVolumes(worker).find((m) => m.target === config.worker.workDir);
  if (!mount)
    problems.push(
      `worker's WORK_DIR ${config.worker.workDir} is not a volume: it fills the container's layer`,
    );
  else if (mount.kind !== 'anonymous')
    problems.push(
      `worker's WORK_DIR ${config.worker.workDir} is ${mount.kind} "${mount.source}": with --scale worker=N the workers would clear each other's files`,
    );
  return problems;
};

/** The proxy serves each public address from the service and port behind it. */
export const checkProxy: InfraCheck = (model) => {
  const problems: string[] = [];
  if (!service(model, proxyService)) return [];
  const env = serviceEnv(service(model, proxyService));
  const api = appConfig(model, apiService);
  const site = (variable: string) => model.caddySites.find((s) => s.variable === variable);
  for (const s of model.caddySites) {
    if (env[s.variable] === undefined)
      problems.push(
        `Caddyfile serves {$${s.variable}}, but the ${proxyService} service is not given ${s.variable}`,
      );
    for (const upstream of s.upstreams)
      if (!service(model, upstream.split(':')[0]!))
        problems.push(`Caddyfile sends {$${s.variable}} to ${upstream}, which is not a service`);
  }
  const expectUpstream = (variable: string, upstream: string) => {
    const found = site(variable);
    if (!found) problems.push(`Caddyfile has no site for {$${variable}}`);
    else if (!found.upstreams.includes(upstream))
      problems.push(
        `Caddyfile sends {$${variable}} to ${found.upstreams.join(', ') || 'nothing'}, expected ${upstream}`,
      );
  };
  if (api) {
    expectUpstream('APP_DOMAIN', `${apiService}:${api.port}`);
    if (api.publicAppUrl !== `https://${env.APP_DOMAIN}`)
      problems.push(
        `PUBLIC_APP_URL is ${api.publicAppUrl}, the proxy serves the app at https://${env.APP_DOMAIN}`,
      );
    if (api.trustProxyHops < 1)
      problems.push("TRUST_PROXY_HOPS is 0 behind the proxy: every client would share the proxy's address");
    const endpoint = tryUrl(api.s3.endpoint);
    if (endpoint) expectUpstream('REPLAY_DOMAIN', hostPort(endpoint));
    const replay = site('REPLAY_DOMAIN');
    if (replay && !replay.body.includes(`/${api.s3.publicBucket}{uri}`))
      problems.push(`Caddyfile's replay site does not serve the public bucket ${api.s3.publicBucket}`);
  }
  expectUpstream('LIVEKIT_DOMAIN', `${livekitService}:${model.livekit.port}`);
  return problems;
};

/** Config files the containers read without complaint even when a key is misspelt. */
export const checkConfigKeys: InfraCheck = (model) => {
  const problems: string[] = [];
  for (const key of Object.keys(model.files.livekit as object))
    if (!livekitKeys.has(key))
      problems.push(`livekit/livekit.yaml: unknown key "${key}" (LiveKit would ignore it)`);
  for (const key of Object.keys(model.files.egress as object))
    if (!egressKeys.has(key) && key !== 's3')
      problems.push(`livekit/egress.yaml: unknown key "${key}" (egress would ignore it)`);
  if (model.livekit.room?.auto_create !== false)
    problems.push('livekit.yaml lets any valid token create rooms (room.auto_create is not false)');
  return problems;
};

/** The services that talk to Redis: the apps, LiveKit (routing) and egress (its requests). */
const redisClients = (model: InfraModel) => [...appServices(model), livekitService, egressService];

const networksOf = (svc: Service | undefined): string[] => {
  const networks = (svc as { networks?: unknown } | undefined)?.networks;
  if (Array.isArray(networks)) return networks.map(String);
  return networks && typeof networks === 'object' ? Object.keys(networks) : ['default'];
};

const words = (list: string | string[] | undefined) => (Array.isArray(list) ? list : [list ?? '']).join(' ');

const shellOf = (svc: Service | undefined) => `${words(svc?.entrypoint)} ${words(svc?.command)}`;

/**
 * Redis holds every queued job and carries the api's access withdrawals: it listens on an
 * internal network only, wants a password, and every client has that password.
 */
export const checkRedisProtected: InfraCheck = (model) => {
  const problems: string[] = [];
  const redis = service(model, redisService);
  if (!redis) return [`compose.yaml has no ${redisService} service`];
  if ((redis.ports ?? []).length > 0) problems.push(`${redisService} publishes ports on the host`);
  if (/^\s*bind\s+(0\.0\.0\.0|\*)/m.test(model.files.redisConf))
    problems.push('redis/redis.conf binds Redis to every interface');
  const declared =
    (model.compose as { networks?: Record<string, { internal?: boolean } | null> }).networks ?? {};
  const redisNetworks = networksOf(redis);
  for (const network of redisNetworks)
    if (declared[network]?.internal !== true)
      problems.push(`${redisService} is on network ${network}, which is not internal`);
  const password = serviceEnv(redis).REDIS_PASSWORD;
  if (!password) problems.push(`${redisService} has no REDIS_PASSWORD to require`);
  const shell = shellOf(redis);
  if (!/requirepass[^\n]*\$REDIS_PASSWORD/.test(shell))
    problems.push(`${redisService} does not start with requirepass from REDIS_PASSWORD`);
  if (!/\bbind\b/.test(shell)) problems.push(`${redisService} does not start with a bind address`);
  if (!words(redis.healthcheck?.test).includes('REDISCLI_AUTH'))
    problems.push(`${redisService}'s healthcheck does not authenticate`);
  for (const name of redisClients(model)) {
    const svc = service(model, name);
    if (!svc) continue;
    if (!networksOf(svc).some((n) => redisNetworks.includes(n)))
      problems.push(`${name} shares no network with ${redisService}`);
    const env = serviceEnv(svc);
    const given =
      env.REDIS_URL !== undefined ? decodeURIComponent(new URL(env.REDIS_URL).password) : env.REDIS_PASSWORD;
    if (!password || given !== password) problems.push(`${name} does not have Redis's password`);
  }
  if (!shellOf(service(model, egressService)).includes('REDIS_PASSWORD'))
    problems.push(`${egressService} never adds REDIS_PASSWORD to its config`);
  return problems;
};

export const infraChecks: Record<string, InfraCheck> = {
  'compose structure': checkComposeStructure,
  'published ports': checkPublishedPorts,
  'variables and .env.example': checkComposeVariables,
  'secrets stay out of the repository': checkSecretsStayOut,
  'api and worker environment': checkAppEnvironment,
  'LiveKit key pair': checkLivekitKeys,
  'LiveKit webhook': checkWebhook,
  'LiveKit addresses': checkLivekitAddresses,
  'LiveKit media ports': checkMediaPorts,
  'recording storage': checkRecordingStorage,
  'Redis addresses': checkRedisAddresses,
  'Redis on an internal network, with a password every client has': checkRedisProtected,
  'worker shutdown and disk': checkWorkerShutdown,
  'reverse proxy': checkProxy,
  'LiveKit and egress config keys': checkConfigKeys,
};
