/**
 * The edit log of room documents: every Yjs update is appended to
 * room_updates with its time and author, and the caller holds the client's
 * acknowledgement until `append` resolves (the row is committed).
 *
 * Node-wide group commit: one writer per process collects the pending updates
 * of ALL documents and commits them in one multi-row INSERT (chunked well
 * below PostgreSQL's 65,535 parameters), then resolves every acknowledgement
 * of that batch. It commits while there is a backlog with one statement in
 * flight: whatever arrives during a commit goes out in the next one, so the
 * cost is one round trip per batch however many rooms are typing.
 *
 * Seqs come from a per-document counter held in memory (set when the document
 * loads, or read from the table when a document is written without being
 * loaded). Two nodes writing the same document (Redis mode, a misrouted
 * client) collide on the primary key: the shared batch is then written one
 * document at a time, and only the document whose seqs were taken re-reads
 * its counter and retries its rows.
 *
 * Failures are backpressure: a pool timeout or lost connection puts the batch
 * back in front of the queue and the writer retries with back-off; nothing is
 * dropped and nothing is acknowledged before it is committed. A document whose
 * rows fail for a data reason is written alone from then on (it must not hold
 * up the others) and retried with its own back-off. Failures are logged as a
 * rate-limited summary (message, SQLSTATE, count) — never the query
 * parameters, which carry the updates' bytes.
 *
 * Snapshots: when the server's live Y.Doc is attached and this node is the
 * only writer of the document since it loaded it, a snapshot is the live
 * document's encodeStateAsUpdate taken synchronously at the moment a batch is
 * formed that holds every update applied so far (so its seq is exactly the
 * last update it includes), and written after that batch commits. Otherwise
 * (not loaded, or another node wrote too) it is built from the log (latest
 * snapshot + later rows applied to a fresh Y.Doc; never Y.mergeUpdates over
 * long logs). Either way a snapshot at seq N is the state after update N.
 *
 * Timeline events that are not on an acknowledgement path (joins/leaves) are
 * queued with `event` and written by the same writer after the updates.
 */
import * as Y from 'yjs';
import type { NewRoomEvent, RoomDoc, RoomsRepo } from './rooms.repo.js';

export interface RoomLogLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

interface Pending {
  at: Date;
  actor: string | null;
  update: Uint8Array;
  resolve: () => void;
}

interface DocLog {
  interviewId: string;
  doc: RoomDoc;
  /** Next seq to use; null = read it from the table first. */
  nextSeq: number | null;
  /** Appended, not yet in a batch (in append order). */
  pending: Pending[];
  /** Rows of this document in the batch being written. */
  inflight: number;
  /** Rows committed since the last snapshot (on this node). */
  sinceSnapshot: number;
  /** Seq of the last snapshot this node wrote or loaded from. */
  snapshotSeq: number;
  /** The server's live document, while loaded. */
  ydoc: Y.Doc | null;
  /** Only this node has written the document since it loaded it (live snapshots are exact). */
  exclusive: boolean;
  /** Data errors in a row: > 0 = written alone, after `retryAt`. */
  failures: number;
  retryAt: number;
  /** flush() callers waiting for this document to have nothing pending or in flight. */
  idle: (() => void)[];
}

interface BatchRow {
  log: DocLog;
  seq: number;
  p: Pending;
}

interface Snapshot {
  log: DocLog;
  seq: number;
  state: Uint8Array;
}

export type RoomLog = ReturnType<typeof createRoomLog>;

/** 6 parameters a row: 4,000 rows stay far below the 65,535-parameter limit of one statement. */
const MAX_ROWS = 4000;
/** Bytes of updates in one statement (at least one row always goes). */
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_EVENTS = 2000;
const RETRY_MIN_MS = 20;
const RETRY_MAX_MS = 5000;
const DOC_RETRY_MAX_MS = 30_000;
const LOG_EVERY_MS = 10_000;
/** Attempts per batch after close() before giving up (the process is exiting). */
const CLOSE_ATTEMPTS = 3;

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
function isDataError(error: unknown): boolean {
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

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createRoomLog(deps: {
  repo: RoomsRepo;
  logger: RoomLogLogger;
  /** Build a snapshot after this many updates (default 500). */
  snapshotEvery?: number;
}) {
  const { repo, logger } = deps;
  const snapshotEvery = deps.snapshotEvery ?? 500;
  const logs = new Map<string, DocLog>();
  /** Documents with pending rows, in the order they became dirty (rotated for fairness). */
  const dirty = new Set<DocLog>();
  const events: NewRoomEvent[] = [];
  const snapshotting = new Map<string, Promise<void>>();
  let running: Promise<void> | null = null;
  let closed = false;
  let backoffMs = 0;

  // Rate-limited failure summary: message + code → count since the last line.
  const failures = new Map<string, { message: string; code: string | null; count: number }>();
  let lastReport = 0;
  function noteFailure(error: unknown, what: string): void {
    const { message, code } = describeError(error);
    const key = `${what}|${code}|${message}`;
    const entry = failures.get(key) ?? { message: `${what}: ${message}`, code, count: 0 };
    entry.count++;
    failures.set(key, entry);
    if (Date.now() - lastReport >= LOG_EVERY_MS) reportFailures('room log writes failing; retrying');
  }
  function reportFailures(msg: string): void {
    lastReport = Date.now();
    let queued = 0;
    for (const log of dirty) queued += log.pending.length;
    logger.warn({ failures: [...failures.values()], queuedUpdates: queued, queuedEvents: events.length }, msg);
    failures.clear();
  }

  const keyOf = (interviewId: string, doc: RoomDoc) => `${interviewId}:${doc}`;

  function logFor(interviewId: string, doc: RoomDoc): DocLog {
    const key = keyOf(interviewId, doc);
    let log = logs.get(key);
    if (!log) {
      log = {
        interviewId,
        doc,
        nextSeq: null,
        pending: [],
        inflight: 0,
        sinceSnapshot: 0,
        snapshotSeq: 0,
        ydoc: null,
        exclusive: false,
        failures: 0,
        retryAt: 0,
        idle: [],
      };
      logs.set(key, log);
    }
    return log;
  }

  function settleIdle(log: DocLog): void {
    if (log.pending.length > 0 || log.inflight > 0 || log.idle.length === 0) return;
    const waiters = log.idle.splice(0);
    for (const w of waiters) w();
  }

  function kick(): void {
    if (running) return;
    running = writerLoop().finally(() => {
      running = null;
      if (dirty.size > 0 || events.length > 0) kick();
    });
  }

  /** Commit while there is a backlog, one statement in flight. */
  async function writerLoop(): Promise<void> {
    // One turn of the event loop first, so updates that arrived together share the INSERT.
    await new Promise((r) => setImmediate(r));
    let closeAttempts = 0;
    while (dirty.size > 0 || events.length > 0) {
      const progressed = await tick();
      if (progressed === 'failed') {
        if (closed && ++closeAttempts >= CLOSE_ATTEMPTS) {
          abandonAll();
          return;
        }
        backoffMs = Math.min(RETRY_MAX_MS, Math.max(RETRY_MIN_MS, backoffMs * 2));
        await sleep(backoffMs * (0.75 + Math.random() * 0.5));
      } else if (progressed === 'waiting') {
        // Only documents in their own back-off are left: sleep until the first may go.
        let next = Infinity;
        for (const log of dirty) next = Math.min(next, log.retryAt);
        if (closed && ++closeAttempts >= CLOSE_ATTEMPTS) {
          abandonAll();
          return;
        }
        await sleep(Math.max(5, Math.min(DOC_RETRY_MAX_MS, next - Date.now())));
      } else {
        backoffMs = 0;
        // The failures since the last line, once the writes go through again.
        if (failures.size > 0 && Date.now() - lastReport >= LOG_EVERY_MS) reportFailures('room log writes recovered');
      }
    }
  }

  function abandonAll(): void {
    let dropped = 0;
    for (const log of dirty) {
      dropped += log.pending.length;
      log.pending = [];
      settleIdle(log);
    }
    dirty.clear();
    events.length = 0;
    logger.error({ unacknowledgedUpdates: dropped }, 'room log writes abandoned at shutdown (never acknowledged)');
  }

  /** Sets the counters of documents that lack one (conflict, or written without being loaded). */
  async function ensureCounters(now: number): Promise<void> {
    for (const log of dirty) {
      if (log.nextSeq !== null || log.retryAt > now) continue;
      log.nextSeq = (await repo.maxSeq(log.interviewId, log.doc)) + 1;
    }
  }

  /** Takes rows of healthy documents for one statement; seqs assigned here, in append order. */
  function collect(now: number): { rows: BatchRow[]; snapshots: Snapshot[]; loners: DocLog[] } {
    const rows: BatchRow[] = [];
    const snapshots: Snapshot[] = [];
    const loners: DocLog[] = [];
    let bytes = 0;
    const visited: DocLog[] = [];
    for (const log of dirty) {
      if (rows.length >= MAX_ROWS || bytes >= MAX_BYTES) break;
      if (log.nextSeq === null || log.retryAt > now) continue;
      if (log.failures > 0) {
        loners.push(log);
        continue;
      }
      visited.push(log);
      let n = 0;
      while (n < log.pending.length && rows.length < MAX_ROWS && (bytes < MAX_BYTES || rows.length === 0)) {
        const p = log.pending[n]!;
        rows.push({ log, seq: log.nextSeq + n, p });
        bytes += p.update.byteLength;
        n++;
      }
      log.pending.splice(0, n);
      log.nextSeq += n;
      log.inflight += n;
      const snap = liveSnapshotNow(log, log.sinceSnapshot + n);
      if (snap) snapshots.push(snap);
    }
    // Fairness when capped: documents served this time go to the back.
    for (const log of visited) {
      dirty.delete(log);
      if (log.pending.length > 0) dirty.add(log);
    }
    return { rows, snapshots, loners };
  }

  /**
   * The live document's state at the last seq assigned, when that is exact:
   * every update applied to it has a seq (nothing pending), this node alone
   * wrote since loading, and enough changed since the last snapshot.
   */
  function liveSnapshotNow(log: DocLog, since: number): Snapshot | null {
    if (!log.ydoc || !log.exclusive || log.nextSeq === null || log.pending.length > 0) return null;
    const seq = log.nextSeq - 1;
    if (since < snapshotEvery || seq <= log.snapshotSeq) return null;
    return { log, seq, state: Y.encodeStateAsUpdate(log.ydoc) };
  }

  /** Puts rows back in front of their documents' queues, rolling the counters back to the first seq. */
  function requeue(rows: BatchRow[], resetCounter: boolean): void {
    const byLog = groupByLog(rows);
    for (const [log, own] of byLog) {
      log.pending.unshift(...own.map((r) => r.p));
      log.inflight -= own.length;
      log.nextSeq = resetCounter ? null : own[0]!.seq;
      dirty.delete(log);
    }
    // Retried rows go first next time.
    const rest = [...dirty];
    dirty.clear();
    for (const log of byLog.keys()) dirty.add(log);
    for (const log of rest) dirty.add(log);
  }

  function groupByLog(rows: BatchRow[]): Map<DocLog, BatchRow[]> {
    const byLog = new Map<DocLog, BatchRow[]>();
    for (const r of rows) {
      let own = byLog.get(r.log);
      if (!own) byLog.set(r.log, (own = []));
      own.push(r);
    }
    return byLog;
  }

  function committed(rows: BatchRow[]): void {
    for (const [log, own] of groupByLog(rows)) {
      log.inflight -= own.length;
      log.sinceSnapshot += own.length;
      log.failures = 0;
      log.retryAt = 0;
      if (log.pending.length === 0 && log.inflight === 0) dirty.delete(log);
      settleIdle(log);
      // Not exact from the live document (another node writes too, or not loaded): rebuild from the log.
      if ((!log.exclusive || !log.ydoc) && log.sinceSnapshot >= snapshotEvery) void snapshot(log.interviewId, log.doc);
    }
    for (const r of rows) r.p.resolve();
  }

  async function insert(rows: BatchRow[]): Promise<void> {
    await repo.insertUpdateRows(
      rows.map((r) => ({
        interviewId: r.log.interviewId,
        doc: r.log.doc,
        seq: r.seq,
        at: r.p.at,
        actor: r.p.actor,
        update: r.p.update,
      })),
    );
  }

  /** One document's rows alone: a conflict re-reads its counter; a data error backs that document off. */
  async function writeAlone(log: DocLog, rows: BatchRow[]): Promise<'committed' | 'requeued' | 'failed'> {
    try {
      await insert(rows);
      committed(rows);
      return 'committed';
    } catch (error) {
      if (!isDataError(error)) {
        requeue(rows, false);
        noteFailure(error, 'room log write');
        return 'failed';
      }
      const conflict = sqlState(error) === '23505';
      // Another node took these seqs: from now on the live document is not exactly our log.
      if (conflict) log.exclusive = false;
      requeue(rows, conflict);
      log.failures++;
      log.retryAt =
        conflict && log.failures <= 2 ? 0 : Date.now() + Math.min(DOC_RETRY_MAX_MS, 100 * 2 ** log.failures);
      if (!conflict || log.failures > 2) noteFailure(error, 'room log write (one document)');
      return 'requeued';
    }
  }

  async function tick(): Promise<'ok' | 'failed' | 'waiting'> {
    // At shutdown nobody waits out a document's back-off (the attempts are bounded instead).
    const now = closed ? Infinity : Date.now();
    try {
      await ensureCounters(now);
    } catch (error) {
      noteFailure(error, 'room log counter read');
      return 'failed';
    }
    const { rows, snapshots, loners } = collect(now);
    const dropSnapshot = (log: DocLog) => {
      for (const s of snapshots) if (s.log === log) s.seq = -1;
    };
    let did = false;
    if (rows.length > 0) {
      did = true;
      try {
        await insert(rows);
        committed(rows);
      } catch (error) {
        if (!isDataError(error)) {
          requeue(rows, false);
          noteFailure(error, 'room log write');
          return 'failed';
        }
        // Someone's rows are at fault (a conflict, most likely): write each document alone.
        const groups = [...groupByLog(rows)];
        for (let i = 0; i < groups.length; i++) {
          const [log, own] = groups[i]!;
          const result = await writeAlone(log, own);
          if (result === 'failed') {
            for (const [, rest] of groups.slice(i + 1)) requeue(rest, false);
            return 'failed';
          }
          if (result !== 'committed') dropSnapshot(log);
        }
      }
    }
    for (const log of loners) {
      if (log.nextSeq === null) continue;
      const first = log.nextSeq;
      const own = log.pending.splice(0, MAX_ROWS).map((p, i) => ({ log, seq: first + i, p }));
      if (own.length === 0) continue;
      did = true;
      log.nextSeq = first + own.length;
      log.inflight += own.length;
      if ((await writeAlone(log, own)) === 'failed') return 'failed';
    }
    const good = snapshots.filter((s) => s.seq > 0 && s.log.exclusive);
    if (good.length > 0) {
      for (const s of good) {
        s.log.snapshotSeq = Math.max(s.log.snapshotSeq, s.seq);
        s.log.sinceSnapshot = 0;
      }
      try {
        await repo.insertSnapshots(
          good.map((s) => ({ interviewId: s.log.interviewId, doc: s.log.doc, seq: s.seq, state: s.state })),
        );
      } catch (error) {
        // The log still has every update; the next snapshot will come from it or the live document.
        noteFailure(error, 'room snapshot');
      }
    }
    if (events.length > 0) {
      did = true;
      const batch = events.splice(0, MAX_EVENTS);
      try {
        await repo.insertEvents(batch);
      } catch (error) {
        if (!isDataError(error)) {
          events.unshift(...batch);
          noteFailure(error, 'room event write');
          return 'failed';
        }
        noteFailure(error, 'room event dropped');
      }
    }
    return did ? 'ok' : 'waiting';
  }

  /** Appends one update; resolves once it is committed. */
  function append(interviewId: string, doc: RoomDoc, entry: { at: Date; actor: string | null; update: Uint8Array }) {
    const log = logFor(interviewId, doc);
    return new Promise<void>((resolve) => {
      log.pending.push({ ...entry, resolve });
      dirty.add(log);
      kick();
    });
  }

  /** Waits until everything appended so far to this document is committed. */
  function flush(interviewId: string, doc: RoomDoc): Promise<void> {
    const log = logs.get(keyOf(interviewId, doc));
    if (!log || (log.pending.length === 0 && log.inflight === 0)) return Promise.resolve();
    return new Promise<void>((resolve) => log.idle.push(resolve));
  }

  /** Writes a snapshot when there is anything new since the last one: from the live document if exact, else the log. */
  function snapshot(interviewId: string, doc: RoomDoc): Promise<void> {
    const key = keyOf(interviewId, doc);
    const running = snapshotting.get(key);
    if (running) return running;
    const log = logs.get(key);
    if (log?.exclusive && log.sinceSnapshot === 0 && log.pending.length === 0 && log.inflight === 0)
      return Promise.resolve();
    const task = (async () => {
      try {
        const live =
          log && log.inflight === 0 ? liveSnapshotNow(log, Math.max(log.sinceSnapshot, snapshotEvery)) : null;
        if (live && log) {
          log.snapshotSeq = live.seq;
          log.sinceSnapshot = 0;
          await repo.insertSnapshots([{ interviewId, doc, seq: live.seq, state: live.state }]);
          return;
        }
        const base = await repo.latestSnapshot(interviewId, doc);
        const rows = await repo.updatesAfter(interviewId, doc, base?.seq ?? 0);
        const last = rows.at(-1);
        if (!last) return;
        const ydoc = buildDoc(base?.state, rows);
        const state = Y.encodeStateAsUpdate(ydoc);
        ydoc.destroy();
        await repo.insertSnapshots([{ interviewId, doc, seq: last.seq, state }]);
        const current = logs.get(key);
        if (current) {
          current.snapshotSeq = Math.max(current.snapshotSeq, last.seq);
          current.sinceSnapshot = 0;
        }
      } catch (error) {
        logger.warn({ ...describeError(error), interviewId }, 'room snapshot failed (the log still has every update)');
      } finally {
        snapshotting.delete(key);
      }
    })();
    snapshotting.set(key, task);
    return task;
  }

  return {
    append,
    flush,
    snapshot,

    /** Queues a timeline event (join/leave) for the writer: off every acknowledgement path. */
    event(event: NewRoomEvent): void {
      events.push(event);
      kick();
    },

    /** The document's current state: latest snapshot plus every later update. Sets the seq counter. */
    async load(interviewId: string, doc: RoomDoc): Promise<Uint8Array> {
      await flush(interviewId, doc);
      const base = await repo.latestSnapshot(interviewId, doc);
      const rows = await repo.updatesAfter(interviewId, doc, base?.seq ?? 0);
      const log = logFor(interviewId, doc);
      if (log.pending.length === 0 && log.inflight === 0) {
        log.nextSeq = (rows.at(-1)?.seq ?? base?.seq ?? 0) + 1;
        log.exclusive = true;
      }
      log.snapshotSeq = base?.seq ?? 0;
      log.sinceSnapshot = rows.length;
      const ydoc = buildDoc(base?.state, rows);
      const state = Y.encodeStateAsUpdate(ydoc);
      ydoc.destroy();
      return state;
    },

    /**
     * The server's live document, once loaded with load()'s state (its update
     * listener registered): snapshots come from it while nothing else writes.
     */
    attach(interviewId: string, doc: RoomDoc, ydoc: Y.Doc | null): void {
      if (ydoc) logFor(interviewId, doc).ydoc = ydoc;
      else {
        const log = logs.get(keyOf(interviewId, doc));
        if (log) log.ydoc = null;
      }
    },

    /** An update applied to the live document that this node does not log (it came from another node). */
    foreign(interviewId: string, doc: RoomDoc): void {
      const log = logs.get(keyOf(interviewId, doc));
      if (log) log.exclusive = false;
    },

    /** The public document as it was at `at`: a snapshot from before then, plus the updates up to then. */
    async stateAt(interviewId: string, at: Date): Promise<Y.Doc> {
      const base = await repo.latestSnapshotAt(interviewId, 'room', at);
      const rows = await repo.updatesAfter(interviewId, 'room', base?.seq ?? 0, at);
      return buildDoc(base?.state, rows);
    },

    /** Forgets a document's counter once it is unloaded and written (another node may write it next). */
    async release(interviewId: string, doc: RoomDoc): Promise<void> {
      await flush(interviewId, doc);
      const key = keyOf(interviewId, doc);
      const log = logs.get(key);
      if (!log) return;
      log.ydoc = null;
      if (log.inflight === 0 && log.pending.length === 0 && !snapshotting.has(key)) logs.delete(key);
    },

    /** Shutdown: commit what is pending (bounded retries), then wait for snapshots in progress. */
    async close(): Promise<void> {
      closed = true;
      while (running) await running;
      await Promise.all([...snapshotting.values()]);
    },
  };
}

/** Applies a snapshot and updates to a fresh document (the compaction the design asks for). */
export function buildDoc(base: Uint8Array | undefined, rows: readonly { update: Uint8Array }[]): Y.Doc {
  const ydoc = new Y.Doc();
  if (base) Y.applyUpdate(ydoc, base);
  ydoc.transact(() => {
    for (const row of rows) Y.applyUpdate(ydoc, row.update);
  });
  return ydoc;
}
