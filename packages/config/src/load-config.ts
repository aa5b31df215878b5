import os from 'node:os';
import path from 'node:path';
import { type Env, envSchema } from './env-schema.ts';

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The validated settings with the embedded defaults resolved. */
export interface Config {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  host: string;
  port: number;
  publicAppUrl: string;
  trustProxyHops: number;
  /** PGlite: its directory, and the loopback port `pnpm dev` serves it on to the other processes. */
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string; port: number };
  redis: { url: string; embedded: boolean; embeddedPort: number; queuePrefix: string };
  s3: {
    embedded: boolean;
    embeddedPort: number;
    dataDir: string;
    endpoint: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
    rawBucket: string;
    publicBucket: string;
    publicBaseUrl: string;
    /** Where browsers reach S3 for presigned uploads; null: the endpoint itself. */
    browserEndpoint: string | null;
  };
  /** Recordings uploaded from the browser as multipart uploads. */
  uploads: { maxBytes: number; partBytes: number; staleAfterMs: number };
  worker: {
    inProcess: boolean;
    concurrency: number;
    lockDurationMs: number;
    stalledIntervalMs: number;
    shutdownGraceMs: number;
    workDir: string;
    minFreeDiskBytes: number;
    ffmpegThreads: number;
    stallTimeoutMs: number;
    loudness: { targetLufs: number; truePeakDbtp: number };
  };
  /** The speech engine that makes draft captions after the full transcode, or none. */
  captions: CaptionsEngineSettings;
  demoContent: boolean;
  /**
   * Who may read /metrics: a bearer token, an internal listener, or both. `apiPort` null: the API
   * serves them on its public listener, and only with a token (404 without one).
   */
  metrics: { token: string | null; host: string; apiPort: number | null; workerPort: number | null };
  livekit: {
    /** True when no LIVEKIT_URL is set and the system starts the stand-in (no media). */
    standIn: boolean;
    standInPort: number;
    /** Server API base (http/https) used by our server-side SDK calls. */
    apiUrl: string;
    /** Egress API base (http/https): LIVEKIT_EGRESS_URL, or apiUrl when LiveKit serves Egress itself. */
    egressUrl: string;
    /** WebSocket URL handed to browsers. */
    publicUrl: string;
    apiKey: string;
    apiSecret: string;
    tokenTtlSeconds: number;
    /** What `pnpm dev` says about the LiveKit it started, or why the stand-in serves. */
    devNote: string | undefined;
  };
  mail: {
    /** Null: mail is only kept in the outbox (the embedded default). */
    smtpUrl: string | null;
    from: string;
  };
  registration: { rateLimit: number; rateWindowSeconds: number };
  /** Per registrant and minute. */
  questions: { askPerMinute: number; votesPerMinute: number };
  auth: {
    sessionTtlHours: number;
    /** Password checks at once per process, and sign-ins that may wait for one. */
    passwordChecks: { atOnce: number; waiting: number };
    /** Null when organisers sign in with local accounts only. */
    oidc: { issuer: string; clientId: string; clientSecret: string } | null;
  };
}

/**
 * Parses the environment once. A bad value throws a ConfigError that lists
 * every bad key, so an operator fixes them all in one go.
 */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const oidcKeys = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcKeys.some((v) => v !== undefined) && oidcKeys.some((v) => v === undefined)) {
    throw new ConfigError(
      (['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const)
        .filter((key) => e[key] === undefined)
        .map((key) => `${key}: must be set together with the other OIDC_ settings`),
    );
  }
  if (e.NODE_ENV === 'production') {
    // The defaults are public: in production they would let anyone mint tokens and forge webhooks.
    const missing = (['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'] as const).filter(
      (key) => cleaned[key] === undefined,
    );
    if (missing.length > 0)
      throw new ConfigError(missing.map((key) => `${key}: must be set when NODE_ENV is production`));
  }
  const captions = captionsSettings(e, cwd);
  const s3Embedded = e.S3_ENDPOINT === undefined;
  const s3Endpoint = e.S3_ENDPOINT ?? `http://127.0.0.1:${e.S3_EMBEDDED_PORT}`;
  const publicBaseUrl = (
    e.PUBLIC_BASE_URL ?? `${s3Endpoint.replace(/\/$/, '')}/${e.S3_PUBLIC_BUCKET}`
  ).replace(/\/$/, '');
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.resolve(cwd, e.PGLITE_DIR), port: e.PGLITE_PORT };
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    port: e.PORT,
    publicAppUrl: (e.PUBLIC_APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    trustProxyHops: e.TRUST_PROXY_HOPS,
    database,
    redis: {
      url: e.REDIS_URL ?? `redis://127.0.0.1:${e.REDIS_EMBEDDED_PORT}`,
      embedded: e.REDIS_URL === undefined,
      embeddedPort: e.REDIS_EMBEDDED_PORT,
      queuePrefix: e.QUEUE_PREFIX,
    },
    s3: {
      embedded: s3Embedded,
      embeddedPort: e.S3_EMBEDDED_PORT,
      dataDir: path.resolve(cwd, e.S3_DATA_DIR),
      endpoint: s3Endpoint,
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      // Only AWS itself serves virtual-hosted buckets reliably; MinIO, Ceph, Garage and s3rver want path style.
      forcePathStyle: e.S3_FORCE_PATH_STYLE ?? (s3Embedded || !/amazonaws\.com/.test(s3Endpoint)),
      rawBucket: e.S3_RAW_BUCKET,
      publicBucket: e.S3_PUBLIC_BUCKET,
      publicBaseUrl,
      browserEndpoint: e.S3_BROWSER_ENDPOINT?.replace(/\/$/, '') ?? null,
    },
    uploads: {
      maxBytes: e.UPLOAD_MAX_BYTES,
      partBytes: e.UPLOAD_PART_BYTES,
      staleAfterMs: e.UPLOAD_STALE_HOURS * 3_600_000,
    },
    worker: {
      inProcess: e.WORKER_IN_PROCESS ?? database.kind === 'pglite',
      concurrency: e.WORKER_CONCURRENCY,
      lockDurationMs: e.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS,
      shutdownGraceMs: e.WORKER_SHUTDOWN_GRACE_MS,
      workDir: path.resolve(cwd, e.WORK_DIR ?? path.join(os.tmpdir(), 'folkemote-work')),
      minFreeDiskBytes: e.MIN_FREE_DISK_MB * 1024 * 1024,
      ffmpegThreads: e.FFMPEG_THREADS,
      stallTimeoutMs: e.FFMPEG_STALL_TIMEOUT_S * 1000,
      loudness: { targetLufs: e.LOUDNESS_TARGET_LUFS, truePeakDbtp: e.LOUDNESS_TRUE_PEAK_DBTP },
    },
    captions,
    demoContent: e.DEMO_CONTENT,
    metrics: {
      token: e.METRICS_TOKEN ?? null,
      host: e.METRICS_HOST,
      apiPort: e.METRICS_PORT ?? null,
      workerPort: e.WORKER_METRICS_PORT ?? null,
    },
    livekit: livekitSettings(e),
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    registration: { rateLimit: e.REGISTRATION_RATE_LIMIT, rateWindowSeconds: e.REGISTRATION_RATE_WINDOW_S },
    questions: { askPerMinute: e.QA_QUESTIONS_PER_MINUTE, votesPerMinute: e.QA_VOTES_PER_MINUTE },
    auth: {
      sessionTtlHours: e.SESSION_TTL_HOURS,
      passwordChecks: { atOnce: e.LOGIN_CHECKS_AT_ONCE, waiting: e.LOGIN_CHECKS_WAITING },
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
          ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET }
          : null,
    },
  };
}

export type CaptionsEngineSettings =
  | { engine: 'none' }
  | { engine: 'whisper'; bin: string; modelPath: string; threads: number }
  | { engine: 'pocketsphinx'; bin: string; modelDir: string };

function captionsSettings(e: Env, cwd: string): CaptionsEngineSettings {
  const engine = e.CAPTIONS_ENGINE ?? (e.CAPTIONS_MODEL_PATH ? 'whisper' : 'none');
  if (engine === 'pocketsphinx')
    return { engine, bin: e.CAPTIONS_POCKETSPHINX_BIN, modelDir: e.CAPTIONS_POCKETSPHINX_MODEL_DIR };
  if (engine === 'none') return { engine };
  if (!e.CAPTIONS_MODEL_PATH)
    throw new ConfigError([
      'CAPTIONS_MODEL_PATH: must name a whisper.cpp model file when CAPTIONS_ENGINE is whisper',
    ]);
  return {
    engine,
    bin: e.CAPTIONS_WHISPER_BIN,
    modelPath: path.resolve(cwd, e.CAPTIONS_MODEL_PATH),
    threads: e.CAPTIONS_WHISPER_THREADS,
  };
}

function livekitSettings(e: Env): Config['livekit'] {
  const configured = e.LIVEKIT_URL;
  const apiUrl = httpUrlOf(configured ?? `http://127.0.0.1:${e.LIVEKIT_STANDIN_PORT}`);
  return {
    standIn: configured === undefined,
    standInPort: e.LIVEKIT_STANDIN_PORT,
    apiUrl,
    egressUrl: e.LIVEKIT_EGRESS_URL ? httpUrlOf(e.LIVEKIT_EGRESS_URL) : apiUrl,
    publicUrl: (e.LIVEKIT_PUBLIC_URL ?? apiUrl.replace(/^http(s?):/, 'ws$1:')).replace(/\/$/, ''),
    apiKey: e.LIVEKIT_API_KEY,
    apiSecret: e.LIVEKIT_API_SECRET,
    tokenTtlSeconds: e.LIVEKIT_TOKEN_TTL_S,
    devNote: e.LIVEKIT_DEV_NOTE,
  };
}

/** The server API speaks HTTP at the address a client dials with ws(s)://. */
function httpUrlOf(url: string): string {
  return url.replace(/\/$/, '').replace(/^ws(s?):/, 'http$1:');
}

/** For entry points: print every bad key and stop, without a stack trace. */
export function loadConfigOrExit(source?: Record<string, string | undefined>): Config {
  try {
    return loadConfig(source);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
