import path from 'node:path';
import { LANGUAGE_IDS } from '@interviewselect/contracts';
import { z } from 'zod';
import { redactUrl } from './platform/redact-url.js';
import { defaultSlots } from './modules/executions/execution-engine.js';
import {
  booleanFlag,
  iceUrlList,
  postgresUrl,
  recordingKeys,
  redisUrl,
  SECRET_VARIABLES,
  smtpUrl,
  urlWithScheme,
} from './config/env-values.js';
import { parseOidcProviders, type OidcProviderConfig } from './config/oidc.js';
import type {
  LlmConfig,
  MediaConfig,
  RecordingsConfig,
  RunnerConfig,
  StorageConfig,
  TerminalsConfig,
} from './config/sections.js';

export type { OidcProviderConfig } from './config/oidc.js';
export type * from './config/sections.js';

/**
 * Every setting the server reads, validated once at start-up. Nothing else
 * reads process.env: main.ts parses, then passes the typed Config down.
 * Each field's description is what the README's configuration table says.
 */
const EnvSchema = z.object({
  /** TCP port the HTTP server listens on. */
  PORT: z.coerce
    .number({ error: 'expected a port number between 0 and 65535' })
    .int({ error: 'expected a whole port number between 0 and 65535' })
    .min(0, { error: 'expected a port number between 0 and 65535' })
    .max(65535, { error: 'expected a port number between 0 and 65535' })
    .default(3000),
  /** Interface to bind; 0.0.0.0 to accept connections from other hosts. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Public URL users reach the app at (links in e-mails, cookie Secure flag, HSTS when https). */
  PUBLIC_URL: z.url({ error: 'expected an absolute http(s) URL such as https://interviews.example.com' }).optional(),
  /** Directory for embedded data: the PGlite database, demo accounts, local file storage. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL connection URL; when unset the embedded PGlite database under DATA_DIR is used. */
  DATABASE_URL: postgresUrl.optional(),
  /** Maximum connections in the PostgreSQL pool (per node). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** Redis URL; when set, jobs go through BullMQ and room updates fan out through Redis. */
  REDIS_URL: redisUrl.optional(),
  /** SMTP URL for outgoing e-mail; when unset, e-mail is kept in the outbox and shown at /dev/mailbox. */
  SMTP_URL: smtpUrl.optional(),
  /** From address of outgoing e-mail. */
  MAIL_FROM: z.string().min(3).default('InterviewSelect <no-reply@interviewselect.local>'),
  /**
   * Secret for signing short-lived tokens (2FA challenges, OAuth state). At
   * least 32 characters. Unset: generated once into $DATA_DIR/secret-key —
   * set it explicitly when running several nodes.
   */
  SECRET_KEY: z
    .string()
    .min(32, { error: 'expected at least 32 random characters (e.g. `openssl rand -base64 48`)' })
    .optional(),
  /**
   * The dev mailbox at /api/v1/dev/mailbox (every e-mail the outbox "sent"):
   * auto = on only without SMTP_URL and when HOST is a loopback address.
   */
  DEV_MAILBOX: z.enum(['auto', 'true', 'false'], { error: 'expected auto, true or false' }).default('auto'),
  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed demo organisation and accounts on first start: auto (only on the embedded database), true or false. */
  SEED_DEMO: z.enum(['auto', 'true', 'false'], { error: 'expected auto, true or false' }).default('auto'),
  /** Directory of the built web app to serve; defaults to apps/web/dist of this checkout. */
  WEB_DIST_DIR: z.string().optional(),
  /** Trust X-Forwarded-* headers from a reverse proxy / load balancer in front of the app. */
  TRUST_PROXY: booleanFlag.default(false),
  /** Seconds to wait for in-flight requests to finish on SIGTERM before closing anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  /** Run the background job workers in this process (turn off on API-only nodes). */
  WORKERS_ENABLED: booleanFlag.default(true),
  /**
   * Where code runs: embedded = this process runs the sandbox engine; remote =
   * `npm run runner` processes take executions from Redis (needs REDIS_URL).
   */
  RUNNER_MODE: z.enum(['embedded', 'remote'], { error: 'expected embedded or remote' }).default('embedded'),
  /** Sandbox slots (concurrent runs) of an embedded engine or a runner process; default: twice the CPU count. */
  RUNNER_SLOTS: z.coerce.number().int().min(1).max(256).optional(),
  /** Working directory of the sandbox engine (compile cache, staging); default: a directory under the system temp dir. */
  RUNNER_WORK_DIR: z.string().min(1).optional(),
  /** cgroup (relative to the process's own, or absolute under /sys/fs/cgroup on v2) for runs; default isel-runner. */
  RUNNER_CGROUP_PARENT: z.string().min(1).optional(),
  /** Comma-separated language ids offered to users (e.g. python,javascript,cpp); default: every installed one. */
  RUNNER_LANGUAGES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(LANGUAGE_IDS, { error: `expected language ids among ${LANGUAGE_IDS.join(', ')}` })))
    .optional(),
  /**
   * Keep finished sandboxes waiting for the next run of a language (ADR 0021): a run then costs about a
   * bare start instead of ~20 ms of sandbox set-up. Turn off to make every sandbox at run time.
   */
  RUNNER_WARM_POOL: booleanFlag.default(true),
  /** Executions one user may start per minute. */
  RUNNER_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Executions the members of one organisation may start per minute, together. */
  RUNNER_ORG_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /** Pending executions at most; above it POST /api/v1/executions answers 503 with Retry-After. */
  RUNNER_MAX_QUEUE: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /** An execution pending or running longer than this many seconds is failed as "the runner stopped responding". */
  RUNNER_STALE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
  /** Interactive terminal sessions (REPLs in the sandbox) this node runs at once; 0 turns terminals off. */
  TERMINAL_MAX_SESSIONS: z.coerce.number().int().min(0).max(256).default(4),
  /** A terminal session with no input or output for this many seconds ends. */
  TERMINAL_IDLE_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  /** Headless Chromium that prints report PDFs. */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Report PDFs printed at once on this node (each is a Chromium process). */
  REPORT_PDF_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /**
   * Base URL of an OpenAI-compatible API (…/v1) that writes the report's optional
   * AI narrative; with LLM_API_KEY. Unset: no AI, the deterministic summary only.
   */
  LLM_BASE_URL: urlWithScheme(
    ['http:', 'https:'],
    'expected an http(s) URL such as https://api.openai.com/v1',
  ).optional(),
  /** API key sent as `Authorization: Bearer …` to LLM_BASE_URL. */
  LLM_API_KEY: z.string().min(1).optional(),
  /** Chat model that writes the report narrative. */
  LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** Seconds to wait for the model's answer before giving up. */
  LLM_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  /** Where recordings are stored: local (a directory under DATA_DIR) or s3 (an S3-compatible bucket, STORAGE_S3_*). */
  STORAGE_DRIVER: z.enum(['local', 's3'], { error: 'expected local or s3' }).default('local'),
  /** S3-compatible endpoint (path-style requests), e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000. */
  STORAGE_S3_ENDPOINT: urlWithScheme(
    ['http:', 'https:'],
    'expected an http(s) URL such as https://s3.eu-west-1.amazonaws.com',
  ).optional(),
  /** Bucket the recordings go to (it must exist). */
  STORAGE_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      error: 'expected an S3 bucket name (3–63 lower-case letters, digits, dots, dashes)',
    })
    .optional(),
  /** Region used in request signatures. */
  STORAGE_S3_REGION: z.string().min(1).default('us-east-1'),
  /** Access key id for the bucket. */
  STORAGE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  /** Secret access key for the bucket. */
  STORAGE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /**
   * Recording encryption keys, `id:base64key` comma-separated (32-byte keys, e.g. `k2:$(openssl rand -base64 32)`):
   * the first encrypts new objects, all decrypt (rotation). Unset: one key derived from SECRET_KEY.
   */
  RECORDING_KEYS: recordingKeys.optional(),
  /** Lifetime of signed recording playback URLs, in seconds. */
  RECORDING_URL_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(1800),
  /** Comma-separated STUN servers for calls (e.g. stun:stun.example.com:3478); unset: none (same network only, or TURN). */
  STUN_URLS: iceUrlList(['stun', 'stuns'], 'stun:stun.example.com:3478'),
  /** Comma-separated TURN servers (e.g. turn:turn.example.com:3478?transport=udp,turns:turn.example.com:5349); needs TURN_SECRET. */
  TURN_URLS: iceUrlList(['turn', 'turns'], 'turn:turn.example.com:3478?transport=udp'),
  /** coturn's static-auth-secret (use-auth-secret): time-limited TURN credentials are minted from it. */
  TURN_SECRET: z
    .string()
    .min(16, { error: 'expected at least 16 characters (the static-auth-secret of coturn)' })
    .optional(),
  /** Lifetime of minted TURN credentials, in seconds. */
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(604_800).default(14_400),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** True when the public URL is https, i.e. the app sits behind TLS. */
  isHttps: boolean;
  dataDir: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolMax: number };
  redisUrl: string | undefined;
  mail: { smtpUrl: string | undefined; from: string };
  /** Whether /api/v1/dev/mailbox is served (resolved from DEV_MAILBOX). */
  devMailbox: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Sign-in providers configured through OIDC_<NAME>_* variables. */
  oidcProviders: OidcProviderConfig[];
  /** Undefined until main.ts resolves the persisted default (see resolveSecretKey). */
  secretKey: string | undefined;
  seedDemo: 'auto' | 'true' | 'false';
  webDistDir: string;
  trustProxy: boolean;
  shutdownGraceMs: number;
  workersEnabled: boolean;
  runner: RunnerConfig;
  terminals: TerminalsConfig;
  reports: { chromiumPath: string; pdfConcurrency: number };
  /** The OpenAI-compatible model for report narratives; null when LLM_BASE_URL / LLM_API_KEY are not both set. */
  llm: LlmConfig | null;
  /** Object storage of recordings (STORAGE_*). */
  storage: StorageConfig;
  /** Recording encryption and playback (RECORDING_*). */
  recordings: RecordingsConfig;
  /** ICE servers for calls (STUN_URLS, TURN_*). */
  media: MediaConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into a Config, listing every problem at once, each
 * naming the variable, what was given and what is expected.
 */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  // Empty strings mean "unset" (a blank line in .env must not break start-up).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  const oidcProblems: string[] = [];
  const oidcProviders = parseOidcProviders(cleaned as Record<string, string>, oidcProblems);
  const runnerProblems =
    parsed.success && parsed.data.RUNNER_MODE === 'remote' && !parsed.data.REDIS_URL
      ? ['RUNNER_MODE: remote needs REDIS_URL (runners take executions from Redis)']
      : [];
  const llmProblems =
    parsed.success && Boolean(parsed.data.LLM_BASE_URL) !== Boolean(parsed.data.LLM_API_KEY)
      ? [
          parsed.data.LLM_BASE_URL
            ? 'LLM_API_KEY: required with LLM_BASE_URL (the AI narrative needs both)'
            : 'LLM_BASE_URL: required with LLM_API_KEY (the AI narrative needs both)',
        ]
      : [];
  const turnProblems =
    parsed.success && Boolean(parsed.data.TURN_URLS?.length) !== Boolean(parsed.data.TURN_SECRET)
      ? [
          parsed.data.TURN_SECRET
            ? 'TURN_URLS: required with TURN_SECRET (which TURN servers the credentials are for)'
            : 'TURN_SECRET: required with TURN_URLS (coturn static-auth-secret, to mint time-limited credentials)',
        ]
      : [];
  const s3Missing = (
    ['STORAGE_S3_ENDPOINT', 'STORAGE_S3_BUCKET', 'STORAGE_S3_ACCESS_KEY_ID', 'STORAGE_S3_SECRET_ACCESS_KEY'] as const
  ).filter((name) => parsed.success && parsed.data.STORAGE_DRIVER === 's3' && !parsed.data[name]);
  const storageProblems = s3Missing.map((name) => `${name}: required when STORAGE_DRIVER is s3`);
  if (
    !parsed.success ||
    oidcProblems.length > 0 ||
    runnerProblems.length > 0 ||
    llmProblems.length > 0 ||
    turnProblems.length > 0 ||
    storageProblems.length > 0
  ) {
    throw new ConfigError([
      ...(parsed.error?.issues ?? []).map((issue) => {
        const name = String(issue.path[0] ?? '(environment)');
        // Keys are never echoed back into logs.
        const given = SECRET_VARIABLES.has(name) ? undefined : cleaned[name];
        return `${name}: ${issue.message}${given === undefined ? '' : ` (got ${JSON.stringify(redactUrl(given))})`}`;
      }),
      ...oidcProblems,
      ...runnerProblems,
      ...llmProblems,
      ...turnProblems,
      ...storageProblems,
    ]);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    isHttps: publicUrl.startsWith('https://'),
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    redisUrl: e.REDIS_URL,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    devMailbox:
      e.DEV_MAILBOX === 'auto'
        ? !e.SMTP_URL && ['127.0.0.1', 'localhost', '::1'].includes(e.HOST)
        : e.DEV_MAILBOX === 'true',
    logLevel: e.LOG_LEVEL,
    secretKey: e.SECRET_KEY,
    oidcProviders,
    seedDemo: e.SEED_DEMO,
    webDistDir: path.resolve(cwd, e.WEB_DIST_DIR ?? 'apps/web/dist'),
    trustProxy: e.TRUST_PROXY,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    workersEnabled: e.WORKERS_ENABLED,
    runner: {
      mode: e.RUNNER_MODE,
      slots: e.RUNNER_SLOTS ?? defaultSlots(),
      workDir: e.RUNNER_WORK_DIR === undefined ? undefined : path.resolve(cwd, e.RUNNER_WORK_DIR),
      cgroupParent: e.RUNNER_CGROUP_PARENT,
      warmPool: e.RUNNER_WARM_POOL,
      languages: e.RUNNER_LANGUAGES,
      ratePerMinute: e.RUNNER_RATE_PER_MINUTE,
      orgRatePerMinute: e.RUNNER_ORG_RATE_PER_MINUTE,
      maxQueue: e.RUNNER_MAX_QUEUE,
      staleMs: e.RUNNER_STALE_SECONDS * 1000,
    },
    terminals: { maxSessions: e.TERMINAL_MAX_SESSIONS, idleMs: e.TERMINAL_IDLE_SECONDS * 1000 },
    reports: { chromiumPath: e.CHROMIUM_PATH, pdfConcurrency: e.REPORT_PDF_CONCURRENCY },
    llm:
      e.LLM_BASE_URL && e.LLM_API_KEY
        ? {
            baseUrl: e.LLM_BASE_URL.replace(/\/+$/, ''),
            apiKey: e.LLM_API_KEY,
            model: e.LLM_MODEL,
            timeoutMs: e.LLM_TIMEOUT_SECONDS * 1000,
          }
        : null,
    storage:
      e.STORAGE_DRIVER === 's3' &&
      e.STORAGE_S3_ENDPOINT &&
      e.STORAGE_S3_BUCKET &&
      e.STORAGE_S3_ACCESS_KEY_ID &&
      e.STORAGE_S3_SECRET_ACCESS_KEY
        ? {
            driver: 's3',
            endpoint: e.STORAGE_S3_ENDPOINT.replace(/\/+$/, ''),
            bucket: e.STORAGE_S3_BUCKET,
            region: e.STORAGE_S3_REGION,
            accessKeyId: e.STORAGE_S3_ACCESS_KEY_ID,
            secretAccessKey: e.STORAGE_S3_SECRET_ACCESS_KEY,
          }
        : { driver: 'local', dir: path.join(dataDir, 'storage') },
    recordings: { keys: e.RECORDING_KEYS ?? null, urlTtlMs: e.RECORDING_URL_TTL_SECONDS * 1000 },
    media: {
      stunUrls: e.STUN_URLS ?? [],
      turn:
        e.TURN_URLS?.length && e.TURN_SECRET
          ? { urls: e.TURN_URLS, secret: e.TURN_SECRET, ttlSeconds: e.TURN_TTL_SECONDS }
          : null,
    },
  };
}
