/**
 * The node-wide group-commit writer of the room log.
 *
 * One writer per process collects the pending updates of ALL documents and
 * commits them in one INSERT (at most MAX_ROWS rows a statement), then
 * resolves every acknowledgement of that batch. It commits while there is a
 * backlog with one statement in flight: whatever arrives during a commit goes
 * out in the next one, so the cost is one round trip per batch however many
 * rooms are typing.
 *
 * Two nodes writing the same document (Redis mode, a misrouted client) collide
 * on the primary key: the shared batch is then written one document at a
 * time, and only the document whose seqs were taken re-reads its counter and
 * retries its rows.
 *
 * Failures are backpressure: a pool timeout or lost connection puts the batch
 * back in front of the queue and the writer retries with back-off; nothing is
 * dropped and nothing is acknowledged before it is committed. A document whose
 * rows fail for a data reason is written alone from then on (it must not hold
 * up the others) and retried with its own back-off. Failures are logged as a
 * rate-limited summary (message, SQLSTATE, count) — never the query
 * parameters, which carry the updates' bytes. Timeline events (joins/leaves)
 * are written by the same writer after the updates.
 */
import type { BatchRow, DocLog, RoomDocs, RoomLogLogger, Snapshot } from './room-log-docs.js';
import { createFailureSummary, isDataError, sqlState } from './room-log-errors.js';
import type { NewRoomEvent, RoomDoc, RoomsRepo } from './rooms.repo.js';

/** Rows in one statement (six array parameters whatever the count): bounds its size and the rows one failure retries. */
const MAX_ROWS = 4000;
/** Bytes of updates in one statement (at least one row always goes). */
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_EVENTS = 2000;
/**
 * Least time between the starts of two statements. A round trip to a local
 * database is far shorter than the gap between one person's keystrokes, so
 * without it a busy node sends a statement (and a WAL flush) for every few
 * updates; with it, one per window carries all rooms' updates, and an
 * acknowledgement waits at most this much longer.
 */
const COMMIT_GAP_MS = 5;
const RETRY_MIN_MS = 20;
const RETRY_MAX_MS = 5000;
const DOC_RETRY_MAX_MS = 30_000;
/** Attempts per batch after close() before giving up (the process is exiting). */
const CLOSE_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export type RoomLogWriter = ReturnType<typeof createRoomLogWriter>;

export function createRoomLogWriter(deps: { repo: RoomsRepo; logger: RoomLogLogger; docs: RoomDocs }) {
  const { repo, logger, docs } = deps;
  /** Documents with pending rows, in the order they became dirty (rotated for fairness). */
  const dirty = new Set<DocLog>();
  const events: NewRoomEvent[] = [];
  let running: Promise<void> | null = null;
  let closed = false;
  let backoffMs = 0;
  let lastStatementAt = -Infinity;

  const failures = createFailureSummary(logger, () => {
    let queuedUpdates = 0;
    for (const log of dirty) queuedUpdates += log.pending.length;
    return { queuedUpdates, queuedEvents: events.length };
  });
  const noteFailure = failures.note;

  function kick(): void {
    if (running) return;
    running = writerLoop().finally(() => {
      running = null;
      if (dirty.size > 0 || events.length > 0) kick();
    });
  }

  /** Milliseconds until the next statement may start (COMMIT_GAP_MS); 0 at shutdown. */
  function untilNextStatement(): number {
    return closed ? 0 : lastStatementAt + COMMIT_GAP_MS - Date.now();
  }

  /** Commit while there is a backlog, one statement in flight. */
  async function writerLoop(): Promise<void> {
    // One turn of the event loop at least, so updates that arrived together share the INSERT.
    const gap = untilNextStatement();
    await new Promise((r) => (gap > 0 ? setTimeout(r, gap) : setImmediate(r)));
    let closeAttempts = 0;
    while (dirty.size > 0 || events.length > 0) {
      const progressed = await tick();
      if (progressed === 'ok') {
        backoffMs = 0;
        failures.recovered();
        const wait = untilNextStatement();
        if (wait > 0 && (dirty.size > 0 || events.length > 0)) await sleep(wait);
        continue;
      }
      if (closed && ++closeAttempts >= CLOSE_ATTEMPTS) {
        abandonAll();
        return;
      }
      if (progressed === 'failed') {
        backoffMs = Math.min(RETRY_MAX_MS, Math.max(RETRY_MIN_MS, backoffMs * 2));
        await sleep(backoffMs * (0.75 + Math.random() * 0.5));
      } else {
        // Only documents in their own back-off are left: sleep until the first may go.
        let next = Infinity;
        for (const log of dirty) next = Math.min(next, log.retryAt);
        await sleep(Math.max(5, Math.min(DOC_RETRY_MAX_MS, next - Date.now())));
      }
    }
  }

  function abandonAll(): void {
    let dropped = 0;
    for (const log of dirty) {
      dropped += log.pending.length;
      log.pending = [];
      docs.settleIdle(log);
    }
    dirty.clear();
    events.length = 0;
    logger.error({ unacknowledgedUpdates: dropped }, 'room log writes abandoned at shutdown (never acknowledged)');
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
      while (n < log.pending.length && rows.length + n < MAX_ROWS && (bytes < MAX_BYTES || rows.length + n === 0)) {
        bytes += log.pending[n]!.update.byteLength;
        n++;
      }
      rows.push(...docs.take(log, n));
      const snap = docs.liveSnapshotNow(log, log.sinceSnapshot + n);
      if (snap) snapshots.push(snap);
    }
    // Fairness when capped: documents served this time go to the back.
    for (const log of visited) {
      dirty.delete(log);
      if (log.pending.length > 0) dirty.add(log);
    }
    return { rows, snapshots, loners };
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
      docs.markCommitted(log, own.length);
      if (log.pending.length === 0 && log.inflight === 0) dirty.delete(log);
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
      await docs.ensureCounters(dirty, now);
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
      lastStatementAt = Date.now();
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
      const own = docs.take(log, MAX_ROWS);
      if (own.length === 0) continue;
      did = true;
      if ((await writeAlone(log, own)) === 'failed') return 'failed';
    }
    try {
      await docs.writeLiveSnapshots(snapshots);
    } catch (error) {
      // The log still has every update; the next snapshot will come from it or the live document.
      noteFailure(error, 'room snapshot');
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
    const log = docs.logFor(interviewId, doc);
    return new Promise<void>((resolve) => {
      log.pending.push({ ...entry, resolve });
      dirty.add(log);
      kick();
    });
  }

  /** Queues a timeline event (join/leave) for the writer: off every acknowledgement path. */
  function event(event: NewRoomEvent): void {
    events.push(event);
    kick();
  }

  /** Shutdown: commit what is pending (bounded retries). */
  async function close(): Promise<void> {
    closed = true;
    while (running) await running;
  }

  return {
    append,
    event,
    close,
  };
}
