/**
 * The edit log of room documents: every Yjs update is appended to
 * room_updates with its time and author, and the caller holds the client's
 * acknowledgement until `append` resolves (the row is committed).
 *
 * Two parts, one per reason to change:
 * - room-log-writer.ts: the node-wide group commit (one writer per process for
 *   all documents), backpressure and back-off, timeline events;
 * - room-log-docs.ts: each document's seq counter and queue, loading, and
 *   snapshots (live or rebuilt from the log).
 */
import { createRoomDocs, type RoomLogLogger } from './room-log-docs.js';
import { createRoomLogWriter } from './room-log-writer.js';
import type { RoomsRepo } from './rooms.repo.js';

export { buildDoc, type RoomLogLogger } from './room-log-docs.js';
export { describeError, sqlState } from './room-log-errors.js';

export type RoomLog = ReturnType<typeof createRoomLog>;

export function createRoomLog(deps: {
  repo: RoomsRepo;
  logger: RoomLogLogger;
  /** Build a snapshot after this many updates (default 500). */
  snapshotEvery?: number;
}) {
  const { repo, logger } = deps;
  const docs = createRoomDocs({ repo, logger, snapshotEvery: deps.snapshotEvery ?? 500 });
  const writer = createRoomLogWriter({ repo, logger, docs });
  return {
    append: writer.append,
    flush: docs.flush,
    snapshot: docs.snapshot,
    event: writer.event,
    load: docs.load,
    attach: docs.attach,
    foreign: docs.foreign,
    stateAt: docs.stateAt,
    release: docs.release,

    /** Shutdown: commit what is pending (bounded retries), then wait for snapshots in progress. */
    async close(): Promise<void> {
      await writer.close();
      await docs.settle();
    },
  };
}
