/**
 * What happened to an interview's time, for whatever must follow a booking:
 * invitation, update and cancellation e-mails with .ics, reminders, calendar
 * sync (issue 9, items 5–7). The scheduling service calls the notifier after
 * the transaction committed. A notifier queues its work (durable jobs) and
 * does not throw: the booking stands whatever happens after it.
 */
export type SchedulingEvent =
  | {
      kind: 'booked' | 'rescheduled';
      interviewId: string;
      start: Date;
      end: Date;
      previousStart: Date | null;
      /** Why it moved (required for a reschedule). */
      reason: string | null;
    }
  | { kind: 'cancelled'; interviewId: string; previousStart: Date | null; reason: string };

export type SchedulingNotifier = (event: SchedulingEvent) => Promise<void>;

/** The seam's default until e-mail invitations and reminders plug in. */
export const noSchedulingNotifications: SchedulingNotifier = () => Promise.resolve();
