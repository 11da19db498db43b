import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';

/** The iTIP part of an invitation e-mail. */
export interface MailCalendarPart {
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;

/**
 * Transactional outbox of outgoing e-mail: the row is the source of truth, the
 * `mail.send` job only carries its id. In the embedded mode (no SMTP_URL) it is
 * also the mailbox shown at /dev/mailbox.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: idColumn(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** An iCalendar invitation sent as the text/calendar alternative and as invite.ics (iTIP method + body). */
    calendar: jsonb('calendar').$type<MailCalendarPart>(),
    status: text('status', { enum: EMAIL_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Message-ID the SMTP server (or the mailbox transport) assigned. */
    messageId: text('message_id'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    check('email_outbox_status_check', sql`${t.status} in ('pending', 'sent', 'failed')`),
    index('email_outbox_created_idx').on(t.createdAt),
    index('email_outbox_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
