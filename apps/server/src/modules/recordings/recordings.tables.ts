import { RECORDING_STATUSES } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { interviews } from '../interviews/interviews.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

/**
 * One recording of an interview room. The media lives in object storage
 * (encrypted); `chunk_count` is what the recorder declared when it stopped.
 */
export const recordings = pgTable(
  'recordings',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: RECORDING_STATUSES }).notNull().default('recording'),
    mimeType: text('mime_type').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true, mode: 'date' }),
    chunkCount: integer('chunk_count'),
    durationMs: integer('duration_ms'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('recordings_interview_idx').on(t.interviewId),
    index('recordings_org_started_idx').on(t.orgId, t.startedAt),
    check('recordings_status_check', sql`${t.status} in ('recording', 'processing', 'ready', 'failed')`),
  ],
);

/** Chunks stored so far (one row per seq: a retried upload finds its row and stores nothing twice). */
export const recordingChunks = pgTable(
  'recording_chunks',
  {
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.recordingId, t.seq] })],
);

export type RecordingRow = typeof recordings.$inferSelect;
