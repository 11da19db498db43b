/**
 * The one background-job interface (DESIGN.md "jobs"): a durable PostgreSQL
 * table queue when embedded, BullMQ on Redis when scaled. Both adapters share
 * these semantics:
 *
 * - at-least-once delivery: a handler may run again after a crash, so handlers
 *   must be idempotent (e.g. check a status row before acting);
 * - `attempts` counts every try (the first included); failures are retried
 *   with exponential backoff plus jitter, then dead-lettered with the error;
 * - a payload that fails its schema is dead-lettered at once, never retried;
 * - a worker that dies mid-job loses its lease and the job runs again. The
 *   Postgres queue counts that run as an attempt; BullMQ re-runs a stalled job
 *   once without using an attempt and fails it on a second stall;
 * - one job name = one handler; a node processes only the names it registered,
 *   so runner hosts and API hosts can share one queue.
 */
import type { z } from 'zod';

/** Job names look like `noun.verb` (`mail.send`); they become BullMQ queue names, so no `:`. */
const JOB_NAME_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;

/** Ties a job name to its payload schema; used by both enqueue and register so they cannot drift. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: S;
}

/**
 * Declares a job. Payloads travel as JSON, so the schema should describe JSON
 * (ids and ISO strings, not Dates or class instances).
 */
export function defineJob<S extends z.ZodType>(name: string, schema: S): JobDefinition<S> {
  if (!JOB_NAME_PATTERN.test(name)) throw new Error(`invalid job name "${name}": use lowercase noun.verb`);
  return { name, schema };
}

/** Per-job scheduling and retry policy; every field is optional. */
export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Run no earlier than this moment (wins over delayMs). */
  runAt?: Date;
  /** Total tries including the first; default 5. */
  attempts?: number;
  /** Base of the exponential backoff between tries; default 1000 ms. */
  backoffMs?: number;
  /**
   * Dedupe key, unique per job name: while a job with this key exists (waiting,
   * running, kept as completed or dead-lettered) enqueueing another is a no-op
   * that returns the existing job's id.
   */
  jobId?: string;
}

/** What a handler knows about the try it is running. */
export interface JobContext {
  /** 1 on the first try. */
  attempt: number;
  /** When `attempt === maxAttempts` a throw dead-letters the job. */
  maxAttempts: number;
  jobId: string;
}

/** Runs one try of a job; a throw (or rejection) fails the try. */
export type JobHandler<S extends z.ZodType> = (payload: z.output<S>, ctx: JobContext) => Promise<void>;

/** How this process runs a job name. */
export interface RegisterOptions {
  /** Handlers of this job name running at once in this process; default 1. */
  concurrency?: number;
}

/** Queue-wide figures for the admin page; `failed` are dead-lettered jobs. */
export interface JobCounts {
  waiting: number;
  delayed: number;
  active: number;
  completed: number;
  failed: number;
}

/** A job that exhausted its attempts or had an invalid payload, kept for inspection. */
export interface DeadLetteredJob {
  jobId: string;
  name: string;
  payload: unknown;
  attempts: number;
  lastError: string;
  createdAt: Date;
  failedAt: Date;
}

/** A background job queue; see the module comment for the shared semantics. */
export interface JobQueue {
  readonly kind: 'postgres' | 'bullmq';
  /**
   * Validates the payload (as JSON, exactly as the handler will receive it)
   * and stores the job durably. Returns the job id. Throws on an invalid payload.
   */
  enqueue<S extends z.ZodType>(job: JobDefinition<S>, payload: z.input<S>, opts?: EnqueueOptions): Promise<string>;
  /** Sets the handler of a job name in this process (before or after start()). */
  register<S extends z.ZodType>(job: JobDefinition<S>, handler: JobHandler<S>, opts?: RegisterOptions): void;
  /** Starts processing registered job names. Enqueueing works without it (API-only nodes). */
  start(): Promise<void>;
  /**
   * Stops taking jobs, waits for running handlers, releases connections; the
   * instance is not reusable. `force` does not wait: the running jobs' leases
   * expire and another worker retries them (use when the shutdown grace runs out).
   */
  stop(opts?: { force?: boolean }): Promise<void>;
  counts(): Promise<JobCounts>;
  /** Dead-lettered jobs, most recently failed first. */
  listDeadLettered(limit: number): Promise<DeadLetteredJob[]>;
}

/** pino-compatible logger subset the queue and its callers need. */
export interface QueueLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Retry policy applied when an enqueue call gives none. */
export const DEFAULT_ATTEMPTS = 5;
/** Base of the retry backoff when an enqueue call gives none: 1 s, 2 s, 4 s, 8 s… */
export const DEFAULT_BACKOFF_MS = 1000;
/** Completed jobs are kept this long (for dedupe and the admin page), then pruned. */
export const DEFAULT_COMPLETED_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * Jitter spreads retries of jobs that failed together (an SMTP outage) so
 * they do not hit the recovered service at the same instant.
 */
export const BACKOFF_JITTER = 0.2;

/**
 * Delay before the try after `failedAttempt` (1-based): backoffMs·2^(n-1),
 * shortened by up to BACKOFF_JITTER at random — the same formula as BullMQ's
 * built-in `exponential` strategy with `jitter`, so both adapters behave alike.
 */
export function retryDelayMs(failedAttempt: number, backoffMs: number, random = Math.random): number {
  const max = Math.round(2 ** (failedAttempt - 1) * backoffMs);
  return Math.floor(random() * max * BACKOFF_JITTER + max * (1 - BACKOFF_JITTER));
}

/** Turns a zod error into a one-line reason kept as the job's last error. */
function describeIssues(name: string, error: z.ZodError): string {
  const issues = error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  return `invalid payload for job "${name}": ${issues.join('; ')}`;
}

/**
 * The payload exactly as it will be stored: round-tripped through JSON and
 * checked against the schema, so a handler never sees what enqueue did not.
 */
export function serializePayload<S extends z.ZodType>(job: JobDefinition<S>, payload: z.input<S>): unknown {
  const json: unknown = payload === undefined ? null : JSON.parse(JSON.stringify(payload));
  const parsed = job.schema.safeParse(json);
  if (!parsed.success) throw new Error(describeIssues(job.name, parsed.error));
  return json;
}

/** Validates a stored payload at handling time; an error result means dead-letter now. */
export function parseStoredPayload<S extends z.ZodType>(
  job: JobDefinition<S>,
  payload: unknown,
): { ok: true; data: z.output<S> } | { ok: false; reason: string } {
  const parsed = job.schema.safeParse(payload);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, reason: describeIssues(job.name, parsed.error) };
}

/** Resolves delayMs / runAt to the earliest moment the job may run. */
export function resolveRunAt(opts: EnqueueOptions, now: number): Date {
  if (opts.runAt) return opts.runAt;
  return new Date(now + Math.max(0, opts.delayMs ?? 0));
}

/** The message kept as a failed job's last error. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** A registered handler as both adapters keep it. */
export interface RegisteredHandler {
  job: JobDefinition;
  handler: JobHandler<z.ZodType>;
  concurrency: number;
}

/** Shared bookkeeping of `register`: one handler per name, concurrency ≥ 1. */
export function addHandler<S extends z.ZodType>(
  handlers: Map<string, RegisteredHandler>,
  job: JobDefinition<S>,
  handler: JobHandler<S>,
  opts: RegisterOptions = {},
): RegisteredHandler {
  if (handlers.has(job.name)) throw new Error(`a handler for job "${job.name}" is already registered`);
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
  const entry: RegisteredHandler = { job, handler, concurrency };
  handlers.set(job.name, entry);
  return entry;
}
