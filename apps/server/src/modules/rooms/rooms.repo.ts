import { and, asc, desc, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import { execPrepared, queryRows, type Db } from '../../platform/db.js';
import { interviews } from '../interviews/interviews.tables.js';
import { roomEvents, roomSnapshots, roomUpdates } from './rooms.tables.js';

export type RoomDoc = 'room' | 'private';
export type RoomsRepo = ReturnType<typeof createRoomsRepo>;

export interface UpdateRow {
  seq: number;
  at: Date;
  actor: string | null;
  update: Uint8Array;
}

export interface NewRoomEvent {
  interviewId: string;
  at: Date;
  kind: string;
  participantId: string | null;
  label: string | null;
  detail: Record<string, unknown>;
}

/** PostgreSQL's unique_violation, however the driver wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * The edit log's hot path: one statement per group commit, whatever the row
 * count (six arrays), prepared once — Drizzle's query building and a
 * re-parsed multi-row VALUES cost more than the INSERT itself (ADR 0023).
 */
const INSERT_UPDATE_ROWS = {
  name: 'room_updates_insert',
  text:
    'insert into room_updates (interview_id, doc, seq, at, actor, "update") ' +
    'select * from unnest($1::uuid[], $2::text[], $3::bigint[], $4::timestamptz[], $5::text[], $6::bytea[])',
};

/** SQL of the room tables: the edit log, its snapshots and the timeline events. */
export function createRoomsRepo(db: Db) {
  return {
    async maxSeq(interviewId: string, doc: RoomDoc): Promise<number> {
      const [row] = await db
        .select({ seq: sql<string | number | null>`max(${roomUpdates.seq})` })
        .from(roomUpdates)
        .where(and(eq(roomUpdates.interviewId, interviewId), eq(roomUpdates.doc, doc)));
      return Number(row?.seq ?? 0);
    },

    /** All-or-nothing: a seq already taken (another node) fails the whole batch with a unique violation. */
    async insertUpdates(interviewId: string, doc: RoomDoc, rows: UpdateRow[]): Promise<void> {
      await db.insert(roomUpdates).values(rows.map((r) => ({ interviewId, doc, ...r })));
    },

    /**
     * Rows of any documents in one statement, all or nothing (a seq already
     * taken fails it with a unique violation).
     */
    async insertUpdateRows(rows: (UpdateRow & { interviewId: string; doc: RoomDoc })[]): Promise<void> {
      if (rows.length === 0) return;
      await execPrepared(db, INSERT_UPDATE_ROWS, [
        rows.map((r) => r.interviewId),
        rows.map((r) => r.doc),
        rows.map((r) => r.seq),
        rows.map((r) => r.at),
        rows.map((r) => r.actor),
        rows.map((r) => r.update),
      ]);
    },

    async latestSnapshot(interviewId: string, doc: RoomDoc): Promise<{ seq: number; state: Uint8Array } | null> {
      const [row] = await db
        .select({ seq: roomSnapshots.seq, state: roomSnapshots.state })
        .from(roomSnapshots)
        .where(and(eq(roomSnapshots.interviewId, interviewId), eq(roomSnapshots.doc, doc)))
        .orderBy(desc(roomSnapshots.seq))
        .limit(1);
      return row ?? null;
    },

    /** The latest snapshot whose last update happened at or before `at` (a later one cannot rebuild the past). */
    async latestSnapshotAt(interviewId: string, doc: RoomDoc, at: Date) {
      const [row] = await db
        .select({ seq: roomSnapshots.seq, state: roomSnapshots.state })
        .from(roomSnapshots)
        .innerJoin(
          roomUpdates,
          and(
            eq(roomUpdates.interviewId, roomSnapshots.interviewId),
            eq(roomUpdates.doc, roomSnapshots.doc),
            eq(roomUpdates.seq, roomSnapshots.seq),
          ),
        )
        .where(and(eq(roomSnapshots.interviewId, interviewId), eq(roomSnapshots.doc, doc), lte(roomUpdates.at, at)))
        .orderBy(desc(roomSnapshots.seq))
        .limit(1);
      return row ?? null;
    },

    async updatesAfter(interviewId: string, doc: RoomDoc, afterSeq: number, until?: Date): Promise<UpdateRow[]> {
      return db
        .select({ seq: roomUpdates.seq, at: roomUpdates.at, actor: roomUpdates.actor, update: roomUpdates.update })
        .from(roomUpdates)
        .where(
          and(
            eq(roomUpdates.interviewId, interviewId),
            eq(roomUpdates.doc, doc),
            gt(roomUpdates.seq, afterSeq),
            until ? lte(roomUpdates.at, until) : undefined,
          ),
        )
        .orderBy(asc(roomUpdates.seq));
    },

    async insertSnapshot(interviewId: string, doc: RoomDoc, seq: number, state: Uint8Array): Promise<void> {
      await db.insert(roomSnapshots).values({ interviewId, doc, seq, state }).onConflictDoNothing();
    },

    async insertSnapshots(
      rows: { interviewId: string; doc: RoomDoc; seq: number; state: Uint8Array }[],
    ): Promise<void> {
      if (rows.length > 0) await db.insert(roomSnapshots).values(rows).onConflictDoNothing();
    },

    async insertEvents(events: NewRoomEvent[]): Promise<void> {
      if (events.length > 0) await db.insert(roomEvents).values(events);
    },

    async insertEvent(event: NewRoomEvent): Promise<void> {
      await db.insert(roomEvents).values(event);
    },

    async listEvents(interviewId: string) {
      return db
        .select({
          at: roomEvents.at,
          kind: roomEvents.kind,
          participantId: roomEvents.participantId,
          label: roomEvents.label,
          detail: roomEvents.detail,
        })
        .from(roomEvents)
        .where(eq(roomEvents.interviewId, interviewId))
        .orderBy(asc(roomEvents.at), asc(roomEvents.id));
    },

    /** The label a participant last appeared under in this room (their join events). */
    async participantLabel(interviewId: string, participantId: string): Promise<string> {
      const [row] = await db
        .select({ label: roomEvents.label })
        .from(roomEvents)
        .where(
          and(
            eq(roomEvents.interviewId, interviewId),
            eq(roomEvents.participantId, participantId),
            isNotNull(roomEvents.label),
          ),
        )
        .orderBy(desc(roomEvents.at))
        .limit(1);
      return row?.label ?? '';
    },

    /** Edits of the public document per author and minute (the timeline's `edit` marks). */
    async editBursts(interviewId: string) {
      const rows = await queryRows<{ actor: string; first_at: Date | string; updates: number | string }>(
        db,
        sql`select ${roomUpdates.actor} as actor, min(${roomUpdates.at}) as first_at, count(*) as updates
            from ${roomUpdates}
            where ${roomUpdates.interviewId} = ${interviewId} and ${roomUpdates.doc} = 'room'
              and ${isNotNull(roomUpdates.actor)}
            group by ${roomUpdates.actor}, date_trunc('minute', ${roomUpdates.at})
            order by first_at`,
      );
      return rows.map((r) => ({ actor: r.actor, at: new Date(r.first_at), updates: Number(r.updates) }));
    },

    /**
     * The interview's organisation, for the org-level `interview.read` check of
     * the timeline. Read straight from the interviews table: RoomAccess only
     * knows members.
     */
    async interviewOrgId(interviewId: string): Promise<string | null> {
      const [row] = await db
        .select({ orgId: interviews.orgId })
        .from(interviews)
        .where(eq(interviews.id, interviewId))
        .limit(1);
      return row?.orgId ?? null;
    },
  };
}
