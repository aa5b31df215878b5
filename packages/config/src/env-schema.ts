import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(0).max(65_535);
const url = z.url();

/**
 * Every setting the apps read, with the embedded defaults that let `pnpm dev`
 * run with no configuration at all. Unset optional keys switch on the embedded
 * stand-ins: PGlite for PostgreSQL, a local redis-server, a local S3-protocol server.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  /** Where people reach the app; used in links. Defaults to http://localhost:PORT. */
  PUBLIC_APP_URL: url.optional(),
  /**
   * Hops of reverse proxies in front of the API whose X-Forwarded-For is believed (0: none).
   * Rate limits by address depend on it: trusting a header any client can set lets them dodge.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),

  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  /** Where `pnpm dev` serves its PGlite to the API, the worker and `pnpm cli` (127.0.0.1 only). */
  PGLITE_PORT: port.default(55432),

  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Key prefix of the job queues, so several installations can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]+$/, 'must be letters, digits, _ or -')
    .default('folkemote'),
  /** Start a redis-server of our own when REDIS_URL is unset and none answers on 6379. */
  REDIS_EMBEDDED_PORT: port.default(6379),

  S3_ENDPOINT: url.optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).default('S3RVER'),
  S3_SECRET_ACCESS_KEY: z.string().min(1).default('S3RVER'),
  S3_FORCE_PATH_STYLE: bool.optional(),
  S3_RAW_BUCKET: z.string().min(3).default('folkemote-raw'),
  S3_PUBLIC_BUCKET: z.string().min(3).default('folkemote-public'),
  /** The public bucket as the county website reaches it (CDN or bucket URL), no trailing slash. */
  PUBLIC_BASE_URL: url.optional(),
  /**
   * The S3 endpoint as the organisers' browsers reach it, for the presigned URLs of browser
   * uploads, where it differs from S3_ENDPOINT (an internal address).
   */
  S3_BROWSER_ENDPOINT: url.optional(),
  /** The largest recording a browser may upload (bytes; 8 GiB). */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(8 * 1024 ** 3),
  /** The part size of browser uploads (bytes; S3 takes no part under 5 MiB but the last). */
  UPLOAD_PART_BYTES: z.coerce
    .number()
    .int()
    .min(5 * 1024 ** 2, 'must be at least 5 MiB (5242880), the least S3 takes')
    .max(5 * 1024 ** 3)
    .default(32 * 1024 ** 2),
  /** A browser upload with nothing done for this long is aborted and its parts dropped. */
  UPLOAD_STALE_HOURS: z.coerce.number().positive().default(24),
  S3_EMBEDDED_PORT: port.default(3900),
  S3_DATA_DIR: z.string().min(1).default('.data/s3'),

  WORK_DIR: z.string().min(1).optional(),
  MIN_FREE_DISK_MB: z.coerce.number().int().min(0).default(512),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** How long a job's lock lasts; a killed worker's job is taken up again after it runs out. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** On SIGTERM, how long running jobs may finish before they are handed back to the queue. */
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(20_000),
  FFMPEG_THREADS: z.coerce.number().int().min(0).max(64).default(0),
  FFMPEG_STALL_TIMEOUT_S: z.coerce.number().int().min(5).max(3600).default(120),
  LOUDNESS_TARGET_LUFS: z.coerce.number().min(-40).max(-5).default(-16),
  LOUDNESS_TRUE_PEAK_DBTP: z.coerce.number().min(-9).max(0).default(-1.5),

  /**
   * Draft captions from speech after the full transcode. `whisper`: whisper.cpp's program
   * (CAPTIONS_WHISPER_BIN) with a ggml model file (CAPTIONS_MODEL_PATH, e.g. NB-Whisper's, for
   * bokmål and nynorsk); `pocketsphinx`: Debian's PocketSphinx, English only; `none`: no drafts.
   * Unset: whisper when CAPTIONS_MODEL_PATH is set, otherwise none.
   */
  CAPTIONS_ENGINE: z.enum(['none', 'whisper', 'pocketsphinx']).optional(),
  CAPTIONS_MODEL_PATH: z.string().min(1).optional(),
  CAPTIONS_WHISPER_BIN: z.string().min(1).default('whisper-cli'),
  CAPTIONS_WHISPER_THREADS: z.coerce.number().int().min(0).max(64).default(0),
  CAPTIONS_POCKETSPHINX_BIN: z.string().min(1).default('pocketsphinx_continuous'),
  CAPTIONS_POCKETSPHINX_MODEL_DIR: z.string().min(1).default('/usr/share/pocketsphinx/model/en-us'),

  /**
   * The LiveKit server (ws://, wss://, http:// or https://). Unset: the embedded stand-in of its
   * server API, which has no media; the room pages then say that live video needs a LiveKit server.
   */
  LIVEKIT_URL: z
    .string()
    .regex(/^(wss?|https?):\/\//, 'must be a ws://, wss://, http:// or https:// URL')
    .optional(),
  /**
   * Where the Egress API is served, when not by LIVEKIT_URL: the recorder built on LiveKit's Node SDK,
   * on machines that run LiveKit's server without its Egress service (development, tests).
   */
  LIVEKIT_EGRESS_URL: z
    .string()
    .regex(/^(wss?|https?):\/\//, 'must be a ws://, wss://, http:// or https:// URL')
    .optional(),
  /** The LiveKit URL as browsers reach it, when it differs from LIVEKIT_URL (a proxy in front). */
  LIVEKIT_PUBLIC_URL: z
    .string()
    .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
    .optional(),
  LIVEKIT_API_KEY: z.string().min(3).default('devkey'),
  /** HS256 secret shared with LiveKit; it signs access tokens and webhooks (at least 32 characters). */
  LIVEKIT_API_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .default('folkemote-dev-secret-not-for-production-use'),
  /** Port of the local LiveKit, the real server `pnpm dev` starts or the stand-in (0: any free port). */
  LIVEKIT_STANDIN_PORT: port.default(7880),
  /** Set by `pnpm dev`: which LiveKit it started, or why the stand-in serves; the start-up banner shows it. */
  LIVEKIT_DEV_NOTE: z.string().max(300).optional(),
  /** How long a join token stays valid for connecting; the connection itself outlives it. */
  LIVEKIT_TOKEN_TTL_S: z.coerce.number().int().min(30).max(86_400).default(600),

  /** OpenID Connect sign-in for organisers (the county's Entra ID, ID-porten); local accounts when unset. */
  OIDC_ISSUER: url.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** How long an organiser stays signed in. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),

  /**
   * Password checks (scrypt, on libuv's thread pool, which file I/O and DNS share) one API process
   * runs at once, and how many more sign-ins may wait for one; beyond that, 503 with Retry-After.
   */
  LOGIN_CHECKS_AT_ONCE: z.coerce.number().int().min(1).max(16).default(2),
  LOGIN_CHECKS_WAITING: z.coerce.number().int().min(0).max(10_000).default(32),

  /** Outgoing mail over SMTP (smtp:// or smtps://); unset keeps mail in the outbox at /api/dev/outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Folkemøte <no-reply@folkemote.local>'),
  /** Registrations one IP address may send per window, counted in Redis so it holds across API instances. */
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(10),
  REGISTRATION_RATE_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Questions one registrant may ask per minute, across every API instance (429 beyond). */
  QA_QUESTIONS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Votes (and vote withdrawals) one registrant may cast per minute. */
  QA_VOTES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),

  /**
   * Prometheus metrics at /metrics. With METRICS_TOKEN set, a scrape must send it as a bearer token.
   * With METRICS_PORT set, the API serves them on a listener of its own at METRICS_HOST:METRICS_PORT
   * (an internal address) instead of its public one; the standalone worker serves its own at
   * METRICS_HOST:WORKER_METRICS_PORT. Neither set: the API answers /metrics with 404.
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: port.optional(),
  WORKER_METRICS_PORT: port.optional(),

  DEMO_CONTENT: bool.default(true),
  /** Run the worker inside the API process (always so with PGlite, which is in-process). */
  WORKER_IN_PROCESS: bool.optional(),
});

export type RawEnv = z.input<typeof envSchema>;
export type Env = z.output<typeof envSchema>;
