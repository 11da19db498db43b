import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db.js';
import { createRoomsRepo } from '../rooms/rooms.repo.js';
import { roomUpdates } from '../rooms/rooms.tables.js';

export type ReplayRepo = ReturnType<typeof createReplayRepo>;

/** Reads of the room log for the replay player (the rooms module writes it). */
export function createReplayRepo(db: Db) {
  const rooms = createRoomsRepo(db);
  return {
    interviewOrgId: (interviewId: string) => rooms.interviewOrgId(interviewId),

    /** Every update of the public document, in log order. */
    async publicUpdates(interviewId: string): Promise<{ at: Date; update: Uint8Array }[]> {
      return db
        .select({ at: roomUpdates.at, update: roomUpdates.update })
        .from(roomUpdates)
        .where(and(eq(roomUpdates.interviewId, interviewId), eq(roomUpdates.doc, 'room')))
        .orderBy(asc(roomUpdates.seq));
    },

    /** The room's stored events (the rooms module's own query). */
    events: (interviewId: string) => rooms.listEvents(interviewId),

    /** The first edit of the private document in each minute (times only). */
    async privateEditMinutes(interviewId: string): Promise<Date[]> {
      const rows = await queryRows<{ first_at: Date | string }>(
        db,
        sql`select min(${roomUpdates.at}) as first_at from ${roomUpdates}
            where ${roomUpdates.interviewId} = ${interviewId} and ${roomUpdates.doc} = 'private'
            group by date_trunc('minute', ${roomUpdates.at})
            order by first_at`,
      );
      return rows.map((r) => new Date(r.first_at));
    },
  };
}
