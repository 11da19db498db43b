import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { interviews } from '../interviews/interviews.tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** PostgreSQL `bytea` as a Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

export const ROOM_DOCS = ['room', 'private'] as const;

/**
 * The edit log: every Yjs update applied to a room document, in order, with
 * its server time and author (participant id), written before the update is
 * acknowledged as stored. Replay and the timeline read it.
 */
export const roomUpdates = pgTable(
  'room_updates',
  {
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    doc: text('doc', { enum: ROOM_DOCS }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: ts('at').notNull(),
    actor: text('actor'),
    update: bytea('update').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.interviewId, t.doc, t.seq] }),
    check('room_updates_doc_check', sql`${t.doc} in ('room', 'private')`),
  ],
);

/** The state of a room document after update `seq` (encodeStateAsUpdate of a doc with the log applied). */
export const roomSnapshots = pgTable(
  'room_snapshots',
  {
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    doc: text('doc', { enum: ROOM_DOCS }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    state: bytea('state').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.interviewId, t.doc, t.seq] }),
    check('room_snapshots_doc_check', sql`${t.doc} in ('room', 'private')`),
  ],
);

/** Non-CRDT moments on the room's timeline: joins/leaves, language switches, chat, runs, integrity signals, status. */
export const roomEvents = pgTable(
  'room_events',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    participantId: text('participant_id'),
    label: text('label'),
    detail: jsonb('detail').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('room_events_interview_idx').on(t.interviewId, t.at)],
);
