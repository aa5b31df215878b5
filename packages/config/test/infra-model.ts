import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { interpolateTree, listTreeReferences, type Reference } from './compose-interpolation.ts';

export const infraDir = fileURLToPath(new URL('../../../infra/', import.meta.url));

/** The deployment files as text or parsed YAML, before Compose's interpolation. */
export interface InfraFiles {
  compose: unknown;
  livekit: unknown;
  egress: unknown;
  caddyfile: string;
  redisConf: string;
  dockerfile: string;
  envExample: string;
  /** Whether a path relative to infra/ exists (bind mounts). */
  exists: (relative: string) => boolean;
}

const yamlOptions = { merge: true, uniqueKeys: true } as const;

export function readInfraFiles(dir = infraDir): InfraFiles {
  const text = (relative: string) => readFileSync(path.join(dir, relative), 'utf8');
  return {
    compose: parseYaml(text('compose.yaml'), yamlOptions),
    livekit: parseYaml(text('livekit/livekit.yaml'), yamlOptions),
    egress: parseYaml(text('livekit/egress.yaml'), yamlOptions),
    caddyfile: text('caddy/Caddyfile'),
    redisConf: text('redis/redis.conf'),
    dockerfile: text('Dockerfile'),
    envExample: text('.env.example'),
    exists: (relative) => existsSync(path.resolve(dir, relative)),
  };
}

const duration = z
  .string()
  .regex(/^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/, 'must be a duration such as 30s, 10m or 1h30m');
const stringList = z.union([z.string(), z.array(z.string())]);
const envValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Every key a Compose service may carry (compose-spec); anything else is a typo Compose would reject. */
export const composeServiceKeys = new Set([
  'annotations',
  'attach',
  'blkio_config',
  'build',
  'cap_add',
  'cap_drop',
  'cgroup',
  'cgroup_parent',
  'command',
  'configs',
  'container_name',
  'cpu_count',
  'cpu_percent',
  'cpu_period',
  'cpu_quota',
  'cpu_rt_period',
  'cpu_rt_runtime',
  'cpu_shares',
  'cpus',
  'cpuset',
  'credential_spec',
  'depends_on',
  'deploy',
  'develop',
  'device_cgroup_rules',
  'devices',
  'dns',
  'dns_opt',
  'dns_search',
  'domainname',
  'entrypoint',
  'env_file',
  'environment',
  'expose',
  'extends',
  'external_links',
  'extra_hosts',
  'gpus',
  'group_add',
  'healthcheck',
  'hostname',
  'image',
  'init',
  'ipc',
  'isolation',
  'label_file',
  'labels',
  'links',
  'logging',
  'mac_address',
  'mem_limit',
  'mem_reservation',
  'mem_swappiness',
  'memswap_limit',
  'network_mode',
  'networks',
  'oom_kill_disable',
  'oom_score_adj',
  'pid',
  'pids_limit',
  'platform',
  'ports',
  'post_start',
  'pre_stop',
  'privileged',
  'profiles',
  'pull_policy',
  'read_only',
  'restart',
  'runtime',
  'scale',
  'secrets',
  'security_opt',
  'shm_size',
  'stdin_open',
  'stop_grace_period',
  'stop_signal',
  'storage_opt',
  'sysctls',
  'tmpfs',
  'tty',
  'ulimits',
  'user',
  'userns_mode',
  'uts',
  'volumes',
  'volumes_from',
  'working_dir',
]);

export const composeTopLevelKeys = new Set([
  'name',
  'version',
  'include',
  'services',
  'networks',
  'volumes',
  'secrets',
  'configs',
  'models',
]);

const serviceSchema = z.looseObject({
  image: z.string().min(1).optional(),
  build: z
    .union([z.string(), z.looseObject({ context: z.string(), dockerfile: z.string().optional() })])
    .optional(),
  command: stringList.optional(),
  entrypoint: stringList.optional(),
  environment: z.union([z.record(z.string(), envValue), z.array(z.string())]).optional(),
  ports: z
    .array(
      z.union([
        z.string(),
        z.number(),
        z.looseObject({
          target: z.number(),
          published: z.union([z.string(), z.number()]).optional(),
          protocol: z.enum(['tcp', 'udp']).optional(),
          host_ip: z.string().optional(),
        }),
      ]),
    )
    .optional(),
  expose: z.array(z.union([z.string(), z.number()])).optional(),
  volumes: z
    .array(
      z.union([
        z.string(),
        z.looseObject({ type: z.string(), source: z.string().optional(), target: z.string() }),
      ]),
    )
    .optional(),
  depends_on: z
    .union([
      z.array(z.string()),
      z.record(
        z.string(),
        z.looseObject({
          condition: z
            .enum(['service_started', 'service_healthy', 'service_completed_successfully'])
            .default('service_started'),
          restart: z.boolean().optional(),
          required: z.boolean().optional(),
        }),
      ),
    ])
    .optional(),
  healthcheck: z
    .looseObject({
      test: stringList.optional(),
      interval: duration.optional(),
      timeout: duration.optional(),
      start_period: duration.optional(),
      retries: z.number().int().optional(),
      disable: z.boolean().optional(),
    })
    .optional(),
  restart: z
    .string()
    .regex(
      /^(no|always|unless-stopped|on-failure(:\d+)?)$/,
      'must be no, always, unless-stopped or on-failure',
    )
    .optional(),
  stop_grace_period: duration.optional(),
  cap_add: z.array(z.string()).optional(),
});

export const composeSchema = z.looseObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, _ or -')
    .optional(),
  services: z.record(z.string(), serviceSchema),
  volumes: z.record(z.string(), z.union([z.null(), z.looseObject({})])).optional(),
});

export type Compose = z.output<typeof composeSchema>;
export type Service = z.output<typeof serviceSchema>;

export const livekitSchema = z.looseObject({
  port: z.number().int(),
  rtc: z.looseObject({
    tcp_port: z.number().int().optional(),
    udp_port: z.number().int().optional(),
    port_range_start: z.number().int().optional(),
    port_range_end: z.number().int().optional(),
    use_external_ip: z.boolean().optional(),
  }),
  redis: z.looseObject({ address: z.string(), password: z.string().optional(), db: z.number().optional() }),
  keys: z.record(z.string(), z.string()).optional(),
  key_file: z.string().optional(),
  webhook: z.looseObject({ api_key: z.string(), urls: z.array(z.string()).min(1) }),
  room: z.looseObject({ auto_create: z.boolean().optional() }).optional(),
});

/** Top-level keys of the LiveKit server's config (config-sample.yaml); LiveKit ignores unknown ones silently. */
export const livekitKeys = new Set([
  'port',
  'bind_addresses',
  'redis',
  'rtc',
  'keys',
  'key_file',
  'logging',
  'room',
  'webhook',
  'audio',
  'video',
  'turn',
  'region',
  'node_selector',
  'limit',
  'prometheus_port',
  'prometheus',
  'development',
  'ingress',
  'sip',
  'signal_relay',
  'psrpc',
]);

export const egressSchema = z.looseObject({
  api_key: z.string().optional(),
  api_secret: z.string().optional(),
  ws_url: z.string(),
  redis: z.looseObject({ address: z.string(), password: z.string().optional(), db: z.number().optional() }),
  health_port: z.number().int().optional(),
  storage: z
    .looseObject({
      s3: z
        .looseObject({
          access_key: z.string().optional(),
          secret: z.string().optional(),
          region: z.string().optional(),
          endpoint: z.string().optional(),
          bucket: z.string(),
          force_path_style: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
});

/** Top-level keys of LiveKit Egress's config (pkg/config: BaseConfig and ServiceConfig). */
export const egressKeys = new Set([
  'redis',
  'api_key',
  'api_secret',
  'ws_url',
  'logging',
  'log_level',
  'template_base',
  'backup_storage',
  'cluster_id',
  'enable_chrome_sandbox',
  'storage',
  'session_limits',
  'insecure',
  'debug',
  'health_port',
  'template_port',
  'prometheus_port',
  'debug_handler_port',
  'cpu_cost',
]);

export interface CaddySite {
  /** The environment variable the site address comes from (`{$APP_DOMAIN}` → APP_DOMAIN). */
  variable: string;
  upstreams: string[];
  body: string;
}

/** Everything the checks read: the files after interpolation with one set of variables. */
export interface InfraModel {
  files: InfraFiles;
  compose: Compose;
  /** The services as written, before interpolation (to tell a reference from a literal). */
  rawServices: Record<string, { environment?: unknown }>;
  references: Reference[];
  livekit: z.output<typeof livekitSchema>;
  egress: z.output<typeof egressSchema>;
  caddySites: CaddySite[];
  dockerfileEnv: Record<string, string>;
  redisPort: number;
  envExample: { required: string[]; optional: string[] };
}

export class InfraParseError extends Error {
  constructor(readonly problems: string[]) {
    super(`The deployment files do not parse:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InfraParseError';
  }
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, file: string, problems: string[]) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.output<S>;
  for (const issue of parsed.error.issues)
    problems.push(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return undefined;
}

/** Reads the files as Compose, LiveKit and Egress would with `env` as infra/.env. */
export function buildInfraModel(files: InfraFiles, env: Record<string, string | undefined>): InfraModel {
  const problems: string[] = [];
  const compose = parseWith(composeSchema, interpolateTree(files.compose, env), 'compose.yaml', problems);
  const livekit = parseWith(livekitSchema, files.livekit, 'livekit/livekit.yaml', problems);
  const egress = parseWith(egressSchema, files.egress, 'livekit/egress.yaml', problems);
  const redisPort = /^port\s+(\d+)\s*$/m.exec(files.redisConf)?.[1];
  if (!redisPort) problems.push('redis/redis.conf: no `port` line');
  if (!compose || !livekit || !egress || !redisPort) throw new InfraParseError(problems);
  return {
    files,
    compose,
    rawServices: (files.compose as { services: InfraModel['rawServices'] }).services,
    references: listTreeReferences(files.compose),
    livekit,
    egress,
    caddySites: parseCaddySites(files.caddyfile),
    dockerfileEnv: parseDockerfileEnv(files.dockerfile),
    redisPort: Number(redisPort),
    envExample: parseEnvExample(files.envExample),
  };
}

/** A service's environment as a map of strings (list form `KEY=value` included; null means unset). */
export function serviceEnv(service: Service | undefined): Record<string, string> {
  const env = service?.environment;
  if (!env) return {};
  const entries = Array.isArray(env)
    ? env.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? ([line, null] as const) : ([line.slice(0, at), line.slice(at + 1)] as const);
      })
    : Object.entries(env);
  return Object.fromEntries(
    entries.filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)] as [string, string]),
  );
}

export interface PublishedPort {
  service: string;
  hostIp: string;
  hostFrom: number;
  hostTo: number;
  containerFrom: number;
  containerTo: number;
  protocol: 'tcp' | 'udp';
  spec: string;
}

const range = (text: string): [number, number] => {
  const [from, to] = text.split('-').map(Number);
  return [from!, to ?? from!];
};

/** Compose's port syntax, short (`[IP:][HOST[-END]:]CONTAINER[-END][/PROTO]`) and long. */
export function parsePorts(serviceName: string, service: Service): PublishedPort[] {
  return (service.ports ?? []).flatMap((port): PublishedPort[] => {
    if (typeof port === 'object') {
      if (port.published === undefined) return [];
      const [hostFrom, hostTo] = range(String(port.published));
      return [
        {
          service: serviceName,
          hostIp: port.host_ip ?? '0.0.0.0',
          hostFrom,
          hostTo,
          containerFrom: port.target,
          containerTo: port.target + (hostTo - hostFrom),
          protocol: port.protocol ?? 'tcp',
          spec: JSON.stringify(port),
        },
      ];
    }
    const spec = String(port);
    const m = /^(?:(?:\[?([\d.:a-fA-F]+)\]?):)??(?:(\d+(?:-\d+)?):)?(\d+(?:-\d+)?)(?:\/(tcp|udp))?$/.exec(
      spec,
    );
    if (!m) throw new Error(`${serviceName}: cannot read port "${spec}"`);
    if (!m[2]) return []; // container port only: published on a random host port
    const [hostFrom, hostTo] = range(m[2]);
    const [containerFrom, containerTo] = range(m[3]!);
    return [
      {
        service: serviceName,
        hostIp: m[1] ?? '0.0.0.0',
        hostFrom,
        hostTo,
        containerFrom,
        containerTo,
        protocol: (m[4] ?? 'tcp') as 'tcp' | 'udp',
        spec,
      },
    ];
  });
}

export interface Mount {
  kind: 'bind' | 'volume' | 'anonymous';
  source: string | null;
  target: string;
}

export function parseVolumes(service: Service): Mount[] {
  return (service.volumes ?? []).map((volume): Mount => {
    if (typeof volume === 'object') {
      const source = volume.source ?? null;
      const kind = volume.type === 'bind' ? 'bind' : source ? 'volume' : 'anonymous';
      return { kind, source, target: volume.target };
    }
    const [first, second] = volume.split(':');
    if (second === undefined) return { kind: 'anonymous', source: null, target: first! };
    const bind = first!.startsWith('.') || first!.startsWith('/') || first!.startsWith('~');
    return { kind: bind ? 'bind' : 'volume', source: first!, target: second };
  });
}

/** `depends_on` in its long form whatever way it was written. */
export function dependencies(service: Service): Record<string, { condition: string }> {
  const deps = service.depends_on;
  if (!deps) return {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, { condition: 'service_started' }]));
  return deps;
}

/** A Compose/Go duration in milliseconds. */
export function durationMs(text: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)/g))
    total += Number(amount) * units[unit!]!;
  return total;
}

export function parseCaddySites(caddyfile: string): CaddySite[] {
  const sites: CaddySite[] = [];
  const lines = caddyfile.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^\{\$([A-Z0-9_]+)\}\s*\{\s*$/.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '}'; i++) body.push(lines[i]!);
    const text = body.join('\n');
    const upstreams = [...text.matchAll(/^\s*reverse_proxy\s+(?:\S+\s+)??([\w.-]+:\d+)/gm)].map((m) => m[1]!);
    sites.push({ variable: open[1]!, upstreams, body: text });
  }
  return sites;
}

export function parseDockerfileEnv(dockerfile: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [, rest] of dockerfile.matchAll(/^ENV\s+(.+)$/gm))
    for (const [, key, value] of rest!.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g))
      env[key!] = value!.replace(/^"|"$/g, '');
  return env;
}

/** `KEY=` lines are to be filled in; `# KEY=` lines are optional. */
export function parseEnvExample(text: string): { required: string[]; optional: string[] } {
  const required = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
  const optional = [...text.matchAll(/^#\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
  return { required, optional };
}
