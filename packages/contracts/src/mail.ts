import { z } from 'zod';

/** Delivery state of an outgoing e-mail in the outbox. */
export const EmailStatusSchema = z.enum(['pending', 'sent', 'failed']);
export type EmailStatus = z.infer<typeof EmailStatusSchema>;

/** One outgoing e-mail as the dev mailbox (/dev/mailbox) shows it. */
export const MailboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  /** Render only in a sandboxed iframe: it is the message body, not trusted page markup. */
  html: z.string().nullable(),
  status: EmailStatusSchema,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  /** The iCalendar invitation carried by the message (iTIP method and the .ics text), if any. */
  calendar: z.object({ method: z.enum(['REQUEST', 'CANCEL']), content: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type MailboxMessage = z.infer<typeof MailboxMessageSchema>;

/** Query string of GET /api/v1/dev/mailbox. */
export const MailboxQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type MailboxQuery = z.infer<typeof MailboxQuerySchema>;

/** A page of the mailbox, newest message first. */
export const MailboxPageSchema = z.object({
  items: z.array(MailboxMessageSchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type MailboxPage = z.infer<typeof MailboxPageSchema>;
