/**
 * The per-document side of the room log: each document's seq counter, its
 * queue of appended updates, and its snapshots.
 *
 * Seqs come from a per-document counter held in memory (set when the document
 * loads, or read from the table when a document is written without being
 * loaded); the writer (room-log-writer.ts) assigns them when it forms a batch.
 *
 * Snapshots: when the server's live Y.Doc is attached and this node is the
 * only writer of the document since it loaded it, a snapshot is the live
 * document's encodeStateAsUpdate taken synchronously at the moment a batch is
 * formed that holds every update applied so far (so its seq is exactly the
 * last update it includes), and written after that batch commits. Otherwise
 * (not loaded, or another node wrote too) it is built from the log (latest
 * snapshot + later rows applied to a fresh Y.Doc; never Y.mergeUpdates over
 * long logs). Either way a snapshot at seq N is the state after update N.
 */
import * as Y from 'yjs';
import { describeError } from './room-log-errors.js';
import type { RoomDoc, RoomsRepo } from './rooms.repo.js';

export interface RoomLogLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Pending {
  at: Date;
  actor: string | null;
  update: Uint8Array;
  resolve: () => void;
}

export interface DocLog {
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

/** One update with its seq, taken for a statement. */
export interface BatchRow {
  log: DocLog;
  seq: number;
  p: Pending;
}

export interface Snapshot {
  log: DocLog;
  seq: number;
  state: Uint8Array;
}

export type RoomDocs = ReturnType<typeof createRoomDocs>;

export function createRoomDocs(deps: { repo: RoomsRepo; logger: RoomLogLogger; snapshotEvery: number }) {
  const { repo, logger, snapshotEvery } = deps;
  const logs = new Map<string, DocLog>();
  const snapshotting = new Map<string, Promise<void>>();

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

  /** Sets the counters of documents that lack one (conflict, or written without being loaded). */
  async function ensureCounters(dirty: Iterable<DocLog>, now: number): Promise<void> {
    for (const log of dirty) {
      if (log.nextSeq !== null || log.retryAt > now) continue;
      log.nextSeq = (await repo.maxSeq(log.interviewId, log.doc)) + 1;
    }
  }

  /** Takes the first `count` pending updates of a document with a counter, assigning their seqs in append order. */
  function take(log: DocLog, count: number): BatchRow[] {
    const first = log.nextSeq!;
    const rows = log.pending.splice(0, count).map((p, i) => ({ log, seq: first + i, p }));
    log.nextSeq = first + rows.length;
    log.inflight += rows.length;
    return rows;
  }

  /** `count` rows of the document committed: it is healthy again; wake flush() and rebuild a due snapshot. */
  function markCommitted(log: DocLog, count: number): void {
    log.inflight -= count;
    log.sinceSnapshot += count;
    log.failures = 0;
    log.retryAt = 0;
    settleIdle(log);
    rebuildIfDue(log);
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

  /** After rows commit: a snapshot that is not exact from the live document (another node writes too, or not loaded) is rebuilt from the log. */
  function rebuildIfDue(log: DocLog): void {
    if ((!log.exclusive || !log.ydoc) && log.sinceSnapshot >= snapshotEvery) void snapshot(log.interviewId, log.doc);
  }

  /** Waits until everything appended so far to this document is committed. */
  function flush(interviewId: string, doc: RoomDoc): Promise<void> {
    const log = logs.get(keyOf(interviewId, doc));
    if (!log || (log.pending.length === 0 && log.inflight === 0)) return Promise.resolve();
    return new Promise<void>((resolve) => log.idle.push(resolve));
  }

  /** Writes the live snapshots taken with a batch, once it committed (those still exact; throws if the insert fails). */
  async function writeLiveSnapshots(snapshots: Snapshot[]): Promise<void> {
    const good = snapshots.filter((s) => s.seq > 0 && s.log.exclusive);
    if (good.length === 0) return;
    for (const s of good) {
      s.log.snapshotSeq = Math.max(s.log.snapshotSeq, s.seq);
      s.log.sinceSnapshot = 0;
    }
    await repo.insertSnapshots(
      good.map((s) => ({ interviewId: s.log.interviewId, doc: s.log.doc, seq: s.seq, state: s.state })),
    );
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

  /** The document's current state: latest snapshot plus every later update. Sets the seq counter. */
  async function load(interviewId: string, doc: RoomDoc): Promise<Uint8Array> {
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
  }

  /**
   * The server's live document, once loaded with load()'s state (its update
   * listener registered): snapshots come from it while nothing else writes.
   */
  function attach(interviewId: string, doc: RoomDoc, ydoc: Y.Doc | null): void {
    if (ydoc) logFor(interviewId, doc).ydoc = ydoc;
    else {
      const log = logs.get(keyOf(interviewId, doc));
      if (log) log.ydoc = null;
    }
  }

  /** An update applied to the live document that this node does not log (it came from another node). */
  function foreign(interviewId: string, doc: RoomDoc): void {
    const log = logs.get(keyOf(interviewId, doc));
    if (log) log.exclusive = false;
  }

  /** The public document as it was at `at`: a snapshot from before then, plus the updates up to then. */
  async function stateAt(interviewId: string, at: Date): Promise<Y.Doc> {
    const base = await repo.latestSnapshotAt(interviewId, 'room', at);
    const rows = await repo.updatesAfter(interviewId, 'room', base?.seq ?? 0, at);
    return buildDoc(base?.state, rows);
  }

  /** Forgets a document's counter once it is unloaded and written (another node may write it next). */
  async function release(interviewId: string, doc: RoomDoc): Promise<void> {
    await flush(interviewId, doc);
    const key = keyOf(interviewId, doc);
    const log = logs.get(key);
    if (!log) return;
    log.ydoc = null;
    if (log.inflight === 0 && log.pending.length === 0 && !snapshotting.has(key)) logs.delete(key);
  }

  /** Waits for the snapshots in progress. */
  async function settle(): Promise<void> {
    await Promise.all([...snapshotting.values()]);
  }

  return {
    logFor,
    settleIdle,
    ensureCounters,
    take,
    markCommitted,
    liveSnapshotNow,
    writeLiveSnapshots,
    flush,
    snapshot,
    load,
    attach,
    foreign,
    stateAt,
    release,
    settle,
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
