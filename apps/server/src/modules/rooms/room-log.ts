/**
 * The edit log of room documents: every Yjs update is appended to
 * room_updates with its time and author, and the caller holds the client's
 * acknowledgement until `append` resolves (the row is committed).
 *
 * Group commit: appends to one document that arrive while its previous batch
 * is being written wait and go out together in the next INSERT, so a busy
 * room costs one round trip per batch, not per keystroke. Seqs come from a
 * per-document counter read from the table when the document is first used;
 * two nodes writing the same document (Redis mode, a misrouted client) collide
 * on the primary key, and the loser re-reads the counter and retries. A
 * failed write is retried with back-off until it succeeds: the updates stay
 * in memory and unacknowledged meanwhile, so a crash loses nothing a client
 * was told is stored (its provider sends it again on reconnect).
 *
 * Snapshots are built from the log itself (latest snapshot + later rows
 * applied to a fresh Y.Doc, then encodeStateAsUpdate; never Y.mergeUpdates
 * over long logs), so a snapshot at seq N is exactly the state after update N
 * whichever node wrote which row.
 */
import * as Y from 'yjs';
import { isUniqueViolation, type RoomDoc, type RoomsRepo, type UpdateRow } from './rooms.repo.js';

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
  pending: Pending[];
  /** The running write loop, if any. */
  writing: Promise<void> | null;
  /** Rows committed since the last snapshot (on this node). */
  sinceSnapshot: number;
}

export type RoomLog = ReturnType<typeof createRoomLog>;

const MAX_BATCH = 500;
const RETRY_MAX_MS = 5000;

export function createRoomLog(deps: {
  repo: RoomsRepo;
  logger: RoomLogLogger;
  /** Build a snapshot after this many updates (default 500). */
  snapshotEvery?: number;
}) {
  const { repo, logger } = deps;
  const snapshotEvery = deps.snapshotEvery ?? 500;
  const logs = new Map<string, DocLog>();
  const snapshotting = new Map<string, Promise<void>>();
  let closed = false;

  const keyOf = (interviewId: string, doc: RoomDoc) => `${interviewId}:${doc}`;

  function logFor(interviewId: string, doc: RoomDoc): DocLog {
    const key = keyOf(interviewId, doc);
    let log = logs.get(key);
    if (!log) {
      log = { interviewId, doc, nextSeq: null, pending: [], writing: null, sinceSnapshot: 0 };
      logs.set(key, log);
    }
    return log;
  }

  async function writeBatch(log: DocLog, batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        log.nextSeq ??= (await repo.maxSeq(log.interviewId, log.doc)) + 1;
        const first = log.nextSeq;
        const rows: UpdateRow[] = batch.map((p, i) => ({ seq: first + i, at: p.at, actor: p.actor, update: p.update }));
        await repo.insertUpdates(log.interviewId, log.doc, rows);
        log.nextSeq = first + batch.length;
        log.sinceSnapshot += batch.length;
        return;
      } catch (error) {
        // Someone else (another node) took these seqs: re-read the counter and go again at once.
        log.nextSeq = null;
        if (closed && attempt >= 2) throw error;
        if (attempt >= 1 || !isUniqueViolation(error)) {
          logger.warn({ err: error, interviewId: log.interviewId, attempt }, 'room log write failed; retrying');
          await new Promise((r) => setTimeout(r, Math.min(RETRY_MAX_MS, 50 * 2 ** attempt)));
        }
      }
    }
  }

  async function drain(log: DocLog): Promise<void> {
    // One turn of the event loop first, so updates that arrived together share the INSERT.
    await new Promise((r) => setImmediate(r));
    while (log.pending.length > 0) {
      const batch = log.pending.splice(0, MAX_BATCH);
      try {
        await writeBatch(log, batch);
      } catch (error) {
        logger.error({ err: error, interviewId: log.interviewId }, 'room log write abandoned at shutdown');
        log.writing = null;
        return;
      }
      for (const p of batch) p.resolve();
    }
    log.writing = null;
    if (log.sinceSnapshot >= snapshotEvery) void snapshot(log.interviewId, log.doc);
  }

  /** Appends one update; resolves once it is committed. */
  function append(interviewId: string, doc: RoomDoc, entry: { at: Date; actor: string | null; update: Uint8Array }) {
    const log = logFor(interviewId, doc);
    return new Promise<void>((resolve) => {
      log.pending.push({ ...entry, resolve });
      log.writing ??= drain(log);
    });
  }

  /** Waits until everything appended so far to this document is committed. */
  async function flush(interviewId: string, doc: RoomDoc): Promise<void> {
    const log = logs.get(keyOf(interviewId, doc));
    while (log?.writing) await log.writing;
  }

  /** Writes a snapshot of the log's state when there is anything new since the last one. */
  function snapshot(interviewId: string, doc: RoomDoc): Promise<void> {
    const key = keyOf(interviewId, doc);
    const running = snapshotting.get(key);
    if (running) return running;
    const task = (async () => {
      try {
        const base = await repo.latestSnapshot(interviewId, doc);
        const rows = await repo.updatesAfter(interviewId, doc, base?.seq ?? 0);
        const last = rows.at(-1);
        if (!last) return;
        const ydoc = buildDoc(base?.state, rows);
        await repo.insertSnapshot(interviewId, doc, last.seq, Y.encodeStateAsUpdate(ydoc));
        ydoc.destroy();
        const log = logs.get(key);
        if (log) log.sinceSnapshot = 0;
      } catch (error) {
        logger.warn({ err: error, interviewId }, 'room snapshot failed (the log still has every update)');
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

    /** The document's current state: latest snapshot plus every later update. Sets the seq counter. */
    async load(interviewId: string, doc: RoomDoc): Promise<Uint8Array> {
      await flush(interviewId, doc);
      const base = await repo.latestSnapshot(interviewId, doc);
      const rows = await repo.updatesAfter(interviewId, doc, base?.seq ?? 0);
      const log = logFor(interviewId, doc);
      if (!log.writing) log.nextSeq = (rows.at(-1)?.seq ?? base?.seq ?? 0) + 1;
      log.sinceSnapshot = rows.length;
      const ydoc = buildDoc(base?.state, rows);
      const state = Y.encodeStateAsUpdate(ydoc);
      ydoc.destroy();
      return state;
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
      const log = logs.get(keyOf(interviewId, doc));
      if (log && !log.writing && log.pending.length === 0) logs.delete(keyOf(interviewId, doc));
    },

    /** Shutdown: commit what is pending (bounded retries), then wait for snapshots in progress. */
    async close(): Promise<void> {
      closed = true;
      await Promise.all([...logs.values()].map((log) => flush(log.interviewId, log.doc)));
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
