import type { RecordingStatus } from '@interviewselect/contracts';
import { and, asc, count, eq, inArray, lt, max, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { orgs } from '../orgs/orgs.tables.js';
import { recordingChunks, recordings, type RecordingRow } from './recordings.tables.js';

export type RecordingsRepo = ReturnType<typeof createRecordingsRepo>;

/** Recordings and their stored chunks. */
export function createRecordingsRepo(db: Db) {
  return {
    async insert(row: {
      interviewId: string;
      orgId: string;
      startedBy: string | null;
      mimeType: string;
      startedAt: Date;
    }): Promise<RecordingRow> {
      const [created] = await db.insert(recordings).values(row).returning();
      if (!created) throw new Error('recording insert returned nothing');
      return created;
    },

    async find(id: string): Promise<RecordingRow | null> {
      const [row] = await db.select().from(recordings).where(eq(recordings.id, id));
      return row ?? null;
    },

    listForInterview(interviewId: string): Promise<RecordingRow[]> {
      return db
        .select()
        .from(recordings)
        .where(eq(recordings.interviewId, interviewId))
        .orderBy(asc(recordings.startedAt), asc(recordings.id));
    },

    /** The interview's recording in progress, if any. */
    async active(interviewId: string): Promise<RecordingRow | null> {
      const [row] = await db
        .select()
        .from(recordings)
        .where(and(eq(recordings.interviewId, interviewId), eq(recordings.status, 'recording')));
      return row ?? null;
    },

    /** Records a stored chunk; false when this seq was stored before (a retry). */
    async addChunk(recordingId: string, seq: number, sizeBytes: number): Promise<boolean> {
      const inserted = await db
        .insert(recordingChunks)
        .values({ recordingId, seq, sizeBytes })
        .onConflictDoNothing()
        .returning({ seq: recordingChunks.seq });
      return inserted.length > 0;
    },

    async hasChunk(recordingId: string, seq: number): Promise<boolean> {
      const [row] = await db
        .select({ seq: recordingChunks.seq })
        .from(recordingChunks)
        .where(and(eq(recordingChunks.recordingId, recordingId), eq(recordingChunks.seq, seq)));
      return Boolean(row);
    },

    async chunkSeqs(recordingId: string): Promise<number[]> {
      const rows = await db
        .select({ seq: recordingChunks.seq })
        .from(recordingChunks)
        .where(eq(recordingChunks.recordingId, recordingId))
        .orderBy(asc(recordingChunks.seq));
      return rows.map((r) => r.seq);
    },

    /** When the last chunk of a recording arrived (null: none yet). */
    async lastChunkAt(recordingId: string): Promise<Date | null> {
      const [row] = await db
        .select({ at: max(recordingChunks.createdAt) })
        .from(recordingChunks)
        .where(eq(recordingChunks.recordingId, recordingId));
      return row?.at ?? null;
    },

    /** Chunks stored per recording. */
    async chunkCounts(ids: string[]): Promise<Map<string, number>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: recordingChunks.recordingId, n: count() })
        .from(recordingChunks)
        .where(inArray(recordingChunks.recordingId, ids))
        .groupBy(recordingChunks.recordingId);
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    },

    /** Moves a recording from one status to another; false when it was not in `from` (someone else moved it). */
    async transition(
      id: string,
      from: RecordingStatus[],
      patch: Partial<Pick<RecordingRow, 'status' | 'stoppedAt' | 'chunkCount' | 'durationMs' | 'sizeBytes' | 'error'>>,
    ): Promise<boolean> {
      const rows = await db
        .update(recordings)
        .set(patch)
        .where(and(eq(recordings.id, id), inArray(recordings.status, from)))
        .returning({ id: recordings.id });
      return rows.length > 0;
    },

    /** Recordings left in `processing` (a restart interrupted them). */
    async processing(): Promise<RecordingRow[]> {
      return db.select().from(recordings).where(eq(recordings.status, 'processing'));
    },

    /** Recordings started before their organisation's retention window (`now` − retention days). */
    async expired(now: Date, limit: number): Promise<RecordingRow[]> {
      const rows = await db
        .select({ recording: recordings })
        .from(recordings)
        .innerJoin(orgs, eq(orgs.id, recordings.orgId))
        .where(
          lt(
            recordings.startedAt,
            sql`${now.toISOString()}::timestamptz - make_interval(days => ${orgs.recordingRetentionDays})`,
          ),
        )
        .orderBy(asc(recordings.startedAt))
        .limit(limit);
      return rows.map((r) => r.recording);
    },

    async delete(id: string): Promise<void> {
      await db.delete(recordings).where(eq(recordings.id, id));
    },
  };
}
