/**
 * How the room log reads a database error: its SQLSTATE, whether it is the
 * data's fault or the way to the database's, and what of it may be logged
 * (as a rate-limited summary, never the query parameters).
 */
import type { RoomLogLogger } from './room-log-docs.js';

const LOG_EVERY_MS = 10_000;

/** The SQLSTATE of an error however the driver wraps it (node-postgres, PGlite, Drizzle), or null. */
export function sqlState(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/**
 * A failure of the statement's data (constraint, bad value) rather than of the
 * way to the database (pool timeout, connection lost, server shutting down,
 * too many connections, serialization/deadlock): the former is the document's
 * problem, the latter is backpressure for everyone.
 */
export function isDataError(error: unknown): boolean {
  const state = sqlState(error);
  if (!state) return false;
  return !['08', '53', '57', '40', '58', 'XX'].includes(state.slice(0, 2));
}

/**
 * What may be logged of a database error: the innermost message and code,
 * shortened. Drizzle's own message (and `params`) holds every row's bytes.
 */
export function describeError(error: unknown): { message: string; code: string | null } {
  let e: unknown = error;
  for (let depth = 0; depth < 8 && (e as { cause?: unknown } | null)?.cause; depth++)
    e = (e as { cause: unknown }).cause;
  const raw = e instanceof Error ? e.message : String(e);
  const message = raw.startsWith('Failed query:') ? 'query failed' : raw.split('\n')[0]!.slice(0, 200);
  const code = (e as { code?: unknown } | null)?.code;
  return { message, code: typeof code === 'string' ? code : sqlState(error) };
}

/** Rate-limited failure summary: message + code → count since the last line, with the writer's backlog. */
export function createFailureSummary(
  logger: RoomLogLogger,
  backlog: () => { queuedUpdates: number; queuedEvents: number },
) {
  const failures = new Map<string, { message: string; code: string | null; count: number }>();
  let lastReport = 0;
  function report(msg: string): void {
    lastReport = Date.now();
    logger.warn({ failures: [...failures.values()], ...backlog() }, msg);
    failures.clear();
  }
  function note(error: unknown, what: string): void {
    const { message, code } = describeError(error);
    const key = `${what}|${code}|${message}`;
    const entry = failures.get(key) ?? { message: `${what}: ${message}`, code, count: 0 };
    entry.count++;
    failures.set(key, entry);
    if (Date.now() - lastReport >= LOG_EVERY_MS) report('room log writes failing; retrying');
  }

  /** The failures since the last line, once the writes go through again. */
  function recovered(): void {
    if (failures.size > 0 && Date.now() - lastReport >= LOG_EVERY_MS) report('room log writes recovered');
  }

  return {
    note,
    recovered,
  };
}
