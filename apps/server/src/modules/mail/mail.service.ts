/**
 * Outgoing e-mail through a transactional outbox: send() stores the message in
 * email_outbox (the source of truth) and enqueues `mail.send` carrying only its
 * id. The job handler delivers a pending row and marks it sent; an already
 * sent row is skipped, so a retried or duplicated job never sends twice.
 */
import type { MailboxPage, MailboxQuery, MailboxMessage } from '@interviewselect/contracts';
import nodemailer from 'nodemailer';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { Config } from '../../config.js';
import {
  defineJob,
  errorMessage,
  type JobContext,
  type JobQueue,
  type QueueLogger,
} from '../../platform/queue/queue.js';
import type { MailRepo } from './mail.repo.js';
import type { EmailOutboxRow, MailCalendarPart } from './mail.tables.js';
import type { Db } from '../../platform/db.js';

/** The delivery job: only the outbox id travels, never the message itself. */
export const mailSendJob = defineJob('mail.send', z.object({ outboxId: z.uuid() }));
export type MailSendPayload = z.infer<typeof mailSendJob.schema>;

export interface SendMailInput {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** An invitation: sent as the text/calendar alternative (iTIP) and attached as invite.ics. */
  calendar?: MailCalendarPart;
}

export interface OutgoingMail extends SendMailInput {
  from: string;
}

/** Where delivered mail goes: an SMTP server, or nowhere beyond the outbox (embedded mailbox). */
export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** nodemailer over SMTP_URL, with timeouts so a hung server fails the try instead of holding the job. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      const { calendar, ...rest } = mail;
      const info = await transporter.sendMail({
        ...rest,
        ...(calendar
          ? { icalEvent: { method: calendar.method, filename: 'invite.ics', content: calendar.content } }
          : {}),
      });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** Embedded default: the outbox row is the mailbox (/dev/mailbox); nothing leaves the machine. */
export function createMailboxTransport(): MailTransport {
  return {
    kind: 'mailbox',
    async send() {
      return { messageId: `<${uuidv7()}@mailbox.interviewselect.invalid>` };
    },
    close: () => undefined,
  };
}

/** SMTP when SMTP_URL is set, else the mailbox. */
export function createMailTransport(mail: Config['mail']): MailTransport {
  return mail.smtpUrl ? createSmtpTransport(mail.smtpUrl) : createMailboxTransport();
}

export interface MailServiceDeps {
  repo: MailRepo;
  queue: JobQueue;
  transport: MailTransport;
  from: string;
  logger: QueueLogger;
  /** Delivery tries per message and the base of their exponential backoff (default 8 × from 30 s: ~1 h). */
  retry?: { attempts?: number; backoffMs?: number };
}

export type MailService = ReturnType<typeof createMailService>;

export function createMailService(deps: MailServiceDeps) {
  const { repo, queue, transport, from, logger } = deps;
  const attempts = deps.retry?.attempts ?? 8;
  const backoffMs = deps.retry?.backoffMs ?? 30_000;

  /** The outbox id is the dedupe key: re-enqueueing a message never creates a second job. */
  function enqueueDelivery(outboxId: string): Promise<string> {
    return queue.enqueue(mailSendJob, { outboxId }, { jobId: outboxId, attempts, backoffMs });
  }

  /**
   * Stores the message and queues its delivery; returns the outbox id. If the
   * enqueue fails the row stays pending and requeuePending() picks it up.
   */
  async function send(input: SendMailInput): Promise<{ id: string }> {
    const { id } = await stage(input);
    await enqueueDelivery(id);
    return { id };
  }

  /**
   * Stores the message without queueing it, inside the caller's transaction:
   * the e-mail exists exactly when the change it announces does. Call
   * dispatch() with the ids after the commit (a crash in between leaves the
   * rows pending for requeuePending()).
   */
  async function stage(input: SendMailInput, tx?: Db): Promise<{ id: string }> {
    if (!input.to.trim()) throw new Error('mail.send needs a recipient');
    const row = await repo.insert(
      {
        to: input.to,
        subject: input.subject,
        text: input.text,
        html: input.html ?? null,
        calendar: input.calendar ?? null,
      },
      tx,
    );
    return { id: row.id };
  }

  async function dispatch(ids: readonly string[]): Promise<void> {
    for (const id of ids) await enqueueDelivery(id);
  }

  /** Handler of `mail.send`; throws on a failed try so the queue retries it. */
  async function deliver({ outboxId }: MailSendPayload, ctx: JobContext): Promise<void> {
    const row = await repo.findById(outboxId);
    if (!row) {
      logger.warn({ outboxId }, 'outbox message no longer exists; nothing to send');
      return;
    }
    if (row.status !== 'pending') return; // sent already (retried/duplicate job) or given up
    let messageId: string;
    try {
      const mail: OutgoingMail = {
        from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        ...(row.html ? { html: row.html } : {}),
        ...(row.calendar ? { calendar: row.calendar } : {}),
      };
      ({ messageId } = await transport.send(mail));
    } catch (error) {
      const isFinal = ctx.attempt >= ctx.maxAttempts;
      await repo.recordFailure(row.id, errorMessage(error), isFinal);
      throw error;
    }
    await repo.markSent(row.id, messageId);
  }

  /** Re-queues messages still pending after `olderThanMs` (their enqueue failed); call at start-up. */
  async function requeuePending({ olderThanMs = 5 * 60_000, limit = 500 } = {}): Promise<number> {
    const ids = await repo.listPendingIds(new Date(Date.now() - olderThanMs), limit);
    for (const id of ids) await enqueueDelivery(id);
    return ids.length;
  }

  /** A page of the outbox for /dev/mailbox, newest first. */
  async function listOutbox({ limit, offset }: MailboxQuery): Promise<MailboxPage> {
    const { rows, total } = await repo.listPage(limit, offset);
    return { items: rows.map(toMailboxMessage), total, limit, offset };
  }

  return { send, stage, dispatch, deliver, requeuePending, listOutbox };
}

function toMailboxMessage(row: EmailOutboxRow): MailboxMessage {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    html: row.html,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    messageId: row.messageId,
    calendar: row.calendar ?? null,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
