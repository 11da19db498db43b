/**
 * Calendar side of scheduling: invitation, update and cancellation e-mails
 * with an iTIP .ics to every participant, reminders before the start, and a
 * person's secret iCalendar feed.
 *
 * One call — publish(interviewId, change) — after any change of an
 * interview's time or status keeps everything consistent: in one database
 * transaction it bumps the event's SEQUENCE, stores the e-mails in the
 * outbox and replaces the pending reminders; the deliveries and the reminder
 * jobs are queued after the commit (a crash in between leaves rows that the
 * start-up sweep picks up).
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { defineJob, type JobQueue } from '../../platform/queue/queue.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import type { InterviewAggregate, InterviewRow } from '../interviews/interviews.repo.js';
import type { MailService, SendMailInput } from '../mail/mail.service.js';
import { invitationEmail, reminderEmail, type InvitationKind } from './calendar-emails.js';
import type { CalendarRepo } from './calendar.repo.js';
import type { InterviewCalendarEventRow } from './calendar.tables.js';
import { buildCalendar, type IcsEvent } from './ics.js';

export const reminderJob = defineJob('calendar.remind', z.object({ reminderId: z.uuid() }));

/** A booking changed an interview's time: tell the attendees (durable, so a crash after the booking loses nothing queued). */
export const publishJob = defineJob(
  'calendar.publish',
  z.object({
    interviewId: z.uuid(),
    kind: z.enum(['scheduled', 'cancelled']),
    reason: z.string().max(500).nullable(),
  }),
);

export type CalendarChange =
  { kind: 'scheduled'; reason?: string | null } | { kind: 'cancelled'; reason?: string | null };

/** Where recipients read times; UTC when nobody said. */
export interface TimeZoneSource {
  forUsers(userIds: string[]): Promise<Map<string, string>>;
  forCandidate(interviewId: string): Promise<string | null>;
}

export interface CalendarServiceDeps {
  repo: CalendarRepo;
  mail: Pick<MailService, 'stage' | 'dispatch'>;
  /** Wakes the reminder sender at each due time; without one, only sendDueReminders() sends them. */
  queue?: JobQueue;
  loadInterview: (id: string) => Promise<InterviewAggregate | null>;
  interviewsOfUser: (userId: string) => Promise<{ interview: InterviewRow; orgName: string }[]>;
  /**
   * A candidate join link valid until `expiresAt` — or null when the candidate
   * already holds an active one (it is never replaced behind anyone's back).
   */
  issueCandidateLink: (interviewId: string, expiresAt: Date) => Promise<string | null>;
  timeZones?: TimeZoneSource;
  publicUrl: string;
  /** The organiser address of invitations (the platform's From). */
  organizerEmail: string;
  /** After a change reached the outbox: e.g. queue the pushes to interviewers' CalDAV calendars. */
  onPublished?: (interviewId: string, interviewerIds: string[]) => Promise<void>;
  now: () => Date;
}

interface Recipient {
  name: string;
  email: string;
  timeZone: string;
  isCandidate: boolean;
}

export type CalendarService = ReturnType<typeof createCalendarService>;

const addressKey = (email: string) => email.trim().toLowerCase();

/** People of the last invitation who are not among the current recipients. */
function removedAttendees(
  previous: { name: string; email: string }[] | null,
  current: { email: string }[],
): { name: string; email: string }[] {
  if (!previous) return [];
  const now = new Set(current.map((c) => addressKey(c.email)));
  return previous.filter((p) => !now.has(addressKey(p.email)));
}

function sameAddresses(a: { email: string }[], b: { email: string }[]): boolean {
  const key = (list: { email: string }[]) => [...new Set(list.map((x) => addressKey(x.email)))].sort().join('\n');
  return key(a) === key(b);
}

export function createCalendarService(deps: CalendarServiceDeps) {
  const { repo, now } = deps;
  const timeZones = deps.timeZones ?? {
    forUsers: (ids: string[]) => repo.timeZonesOf(ids),
    forCandidate: (interviewId: string) => repo.candidateTimeZone(interviewId),
  };
  const roomUrl = (id: string) => `${deps.publicUrl}/interviews/${id}/room`;

  async function recipientsOf(agg: InterviewAggregate): Promise<Recipient[]> {
    const interviewerIds = agg.participants.flatMap((p) => (p.role !== 'candidate' && p.userId ? [p.userId] : []));
    const [accounts, zones, candidateZone] = await Promise.all([
      repo.usersByIds(interviewerIds),
      timeZones.forUsers(interviewerIds),
      timeZones.forCandidate(agg.interview.id),
    ]);
    const people: Recipient[] = interviewerIds.flatMap((id) => {
      const account = accounts.get(id);
      return account ? [{ ...account, timeZone: zones.get(id) ?? 'UTC', isCandidate: false }] : [];
    });
    people.push({
      name: agg.candidate.name,
      email: agg.candidate.email,
      timeZone: candidateZone ?? 'UTC',
      isCandidate: true,
    });
    return people;
  }

  /**
   * The .ics one recipient receives. The candidate's lists only the candidate;
   * interviewers see the panel, and the candidate's address only when the
   * interview is not anonymous.
   */
  function eventFor(
    agg: InterviewAggregate,
    row: Pick<InterviewCalendarEventRow, 'uid' | 'sequence' | 'startsAt' | 'endsAt'>,
    recipient: Recipient,
    everyone: Recipient[],
    cancelled: boolean,
    joinUrl: string | null,
  ): IcsEvent {
    const attendees = recipient.isCandidate
      ? [{ name: recipient.name, email: recipient.email, role: 'required' as const }]
      : everyone.flatMap((p) =>
          p.isCandidate && agg.interview.anonymous ? [] : [{ name: p.name, email: p.email, role: 'required' as const }],
        );
    return {
      uid: row.uid,
      sequence: row.sequence,
      start: row.startsAt,
      end: row.endsAt,
      summary: recipient.isCandidate ? `Interview with ${agg.orgName}: ${agg.interview.title}` : agg.interview.title,
      description: joinUrl
        ? `Live coding interview on InterviewSelect (${agg.orgName}). Join: ${joinUrl}`
        : `Live coding interview on InterviewSelect (${agg.orgName}). Join with the invite link ${agg.orgName} sent you.`,
      ...(joinUrl ? { url: joinUrl } : {}),
      organizer: { name: agg.orgName, email: deps.organizerEmail },
      attendees,
      status: cancelled ? 'CANCELLED' : 'CONFIRMED',
      stamp: now(),
    };
  }

  async function enqueueReminders(reminders: { id: string; dueAt: Date }[]): Promise<void> {
    if (!deps.queue) return;
    for (const r of reminders) {
      await deps.queue.enqueue(reminderJob, { reminderId: r.id }, { runAt: r.dueAt, jobId: r.id, attempts: 5 });
    }
  }

  /**
   * Tells every participant's calendar about the interview's current time or
   * its cancellation. A `scheduled` change with the same time as last sent is
   * a no-op (no mail, same SEQUENCE).
   */
  async function publish(interviewId: string, change: CalendarChange): Promise<{ emails: number }> {
    const agg = await deps.loadInterview(interviewId);
    if (!agg) throw new AppError('resource.not_found', 'No such interview. It may have been deleted.');
    const { interview } = agg;
    const recipients = await recipientsOf(agg);
    const at = now();
    const startsAt = interview.plannedStart;
    // A scheduled interview whose time was removed leaves calendars like a cancelled one.
    const cancelled = change.kind === 'cancelled' || !startsAt;
    const candidateUrl =
      !cancelled && startsAt
        ? await deps.issueCandidateLink(
            interviewId,
            // A month past the planned end: it keeps working when the interview moves (updates reuse it).
            new Date(startsAt.getTime() + (interview.durationMinutes + 30 * 24 * 60) * 60_000),
          )
        : null;
    const offsets = await repo.reminderOffsets(interview.orgId);

    const outcome = await repo.db.transaction(async (tx) => {
      const previous = await repo.eventForUpdate(tx, interviewId);
      if (cancelled && (!previous || previous.status === 'cancelled')) {
        await repo.dropPendingReminders(tx, interviewId, null);
        return { mailIds: [], reminders: [], removed: [] };
      }
      const start = cancelled ? (previous?.startsAt ?? at) : (startsAt ?? at);
      const end = cancelled ? (previous?.endsAt ?? at) : new Date(start.getTime() + interview.durationMinutes * 60_000);
      const attendees = recipients.map((r) => ({ name: r.name, email: r.email }));
      // Taken off the panel since the last invitation (unknown on rows older than the attendee list).
      const removed = cancelled ? [] : removedAttendees(previous?.attendees ?? null, attendees);
      const samePeople =
        previous?.attendees == null || (removed.length === 0 && sameAddresses(previous.attendees, attendees));
      const unchanged =
        !cancelled &&
        previous?.status === 'scheduled' &&
        previous.startsAt.getTime() === start.getTime() &&
        previous.endsAt.getTime() === end.getTime() &&
        samePeople;
      if (unchanged) return { mailIds: [], reminders: [], removed: [] };
      const kind: InvitationKind = cancelled
        ? 'cancellation'
        : previous && previous.status === 'scheduled'
          ? 'update'
          : 'invitation';
      const row = {
        interviewId,
        uid: previous?.uid ?? `interview-${interviewId}@interviewselect`,
        sequence: previous ? previous.sequence + 1 : 0,
        startsAt: start,
        endsAt: end,
        status: cancelled ? ('cancelled' as const) : ('scheduled' as const),
        attendees: cancelled ? (previous?.attendees ?? attendees) : attendees,
      };
      await repo.saveEvent(tx, row);
      const known = previous?.attendees ? new Set(previous.attendees.map((a) => addressKey(a.email))) : null;
      const mailIds: string[] = [];
      for (const person of removed) {
        // RFC 5546: the organiser removes an attendee by sending them a CANCEL of the same event.
        const gone: Recipient = { ...person, timeZone: 'UTC', isCandidate: false };
        const event = eventFor(agg, row, gone, [gone], true, null);
        const mail = invitationEmail({
          kind: 'removed',
          to: person.email,
          recipientName: person.name,
          title: agg.interview.title,
          orgName: agg.orgName,
          start,
          end,
          timeZone: 'UTC',
          joinUrl: null,
          reason: change.reason ?? null,
          calendar: { method: 'CANCEL', content: buildCalendar({ method: 'CANCEL', events: [event] }) },
        });
        mailIds.push((await deps.mail.stage(mail, tx)).id);
      }
      for (const recipient of recipients) {
        const joinUrl = recipient.isCandidate ? candidateUrl : roomUrl(interviewId);
        const event = eventFor(agg, row, recipient, recipients, cancelled, joinUrl);
        const method = cancelled ? 'CANCEL' : 'REQUEST';
        const mail: SendMailInput = invitationEmail({
          // Someone new on the panel gets an invitation, not an "update" of something they never had.
          kind: kind === 'update' && known && !known.has(addressKey(recipient.email)) ? 'invitation' : kind,
          to: recipient.email,
          recipientName: recipient.name,
          title: agg.interview.title,
          orgName: agg.orgName,
          start,
          end,
          timeZone: recipient.timeZone,
          joinUrl: cancelled ? null : joinUrl,
          reason: change.reason ?? null,
          calendar: { method, content: buildCalendar({ method, events: [event] }) },
        });
        mailIds.push((await deps.mail.stage(mail, tx)).id);
      }
      await repo.dropPendingReminders(tx, interviewId, cancelled ? null : start);
      const reminders = cancelled
        ? []
        : await repo.addReminders(
            tx,
            offsets
              .map((offsetMinutes) => ({
                interviewId,
                startsAt: start,
                offsetMinutes,
                dueAt: new Date(start.getTime() - offsetMinutes * 60_000),
              }))
              .filter((r) => r.dueAt.getTime() > at.getTime()),
          );
      return { mailIds, reminders, removed: removed.map((r) => r.email) };
    });
    await deps.mail.dispatch(outcome.mailIds);
    await enqueueReminders(outcome.reminders);
    if (outcome.mailIds.length > 0 && deps.onPublished) {
      // The panel's calendars, and those of people taken off it (their copy is removed).
      const takenOff = [...(await repo.userIdsByEmails(outcome.removed)).values()];
      await deps.onPublished(interviewId, [
        ...agg.participants.flatMap((p) => (p.role !== 'candidate' && p.userId ? [p.userId] : [])),
        ...takenOff,
      ]);
    }
    return { emails: outcome.mailIds.length };
  }

  /**
   * Sends one reminder if it is due and still belongs to the interview's
   * current schedule. Claiming it and storing its e-mails share a
   * transaction: a retried job or a parallel sweep cannot send it twice.
   */
  async function sendReminder(reminderId: string): Promise<'sent' | 'not_due' | 'stale' | 'done'> {
    const reminder = await repo.findReminder(reminderId);
    if (!reminder || reminder.status !== 'pending') return 'done';
    const at = now();
    if (reminder.dueAt.getTime() > at.getTime()) {
      // Woken early (clock skew between nodes): come back when it is due by this node's clock, never in a
      // tight loop (at least a second later).
      const waitMs = Math.max(1000, reminder.dueAt.getTime() - at.getTime());
      await deps.queue?.enqueue(reminderJob, { reminderId }, { delayMs: waitMs, attempts: 5 });
      return 'not_due';
    }
    const agg = await deps.loadInterview(reminder.interviewId);
    const isCurrent =
      agg !== null &&
      agg.interview.status === 'scheduled' &&
      agg.interview.plannedStart?.getTime() === reminder.startsAt.getTime();
    const recipients = agg && isCurrent ? await recipientsOf(agg) : [];
    const mailIds = await repo.db.transaction(async (tx) => {
      if (!agg || !isCurrent) {
        await repo.markReminderDropped(tx, reminderId);
        return null;
      }
      const claimed = await repo.claimReminder(tx, reminderId, at);
      if (!claimed) return [];
      const end = new Date(reminder.startsAt.getTime() + agg.interview.durationMinutes * 60_000);
      const ids: string[] = [];
      for (const recipient of recipients) {
        const mail = reminderEmail({
          to: recipient.email,
          recipientName: recipient.name,
          title: agg.interview.title,
          orgName: agg.orgName,
          start: reminder.startsAt,
          end,
          timeZone: recipient.timeZone,
          offsetMinutes: reminder.offsetMinutes,
          // The candidate's link is in their invitation (it is stored hashed, so it cannot be repeated here).
          joinUrl: recipient.isCandidate ? null : roomUrl(agg.interview.id),
        });
        ids.push((await deps.mail.stage(mail, tx)).id);
      }
      return ids;
    });
    if (mailIds === null) return 'stale';
    await deps.mail.dispatch(mailIds);
    return mailIds.length > 0 ? 'sent' : 'done';
  }

  /** Sends every reminder due now (start-up catch-up, and what a controlled clock drives in tests). */
  async function sendDueReminders(limit = 200): Promise<number> {
    let sent = 0;
    for (const id of await repo.dueReminderIds(now(), limit)) {
      if ((await sendReminder(id)) === 'sent') sent += 1;
    }
    return sent;
  }

  /** The user's feed: a new secret URL (the previous one stops working). */
  async function rotateFeed(userId: string): Promise<{ url: string; createdAt: Date }> {
    const token = newSecretToken();
    const row = await repo.rotateFeed(userId, hashSecretToken(token), now());
    return { url: feedUrl(token), createdAt: row.createdAt };
  }

  function feedUrl(token: string): string {
    return `${deps.publicUrl}/api/v1/calendar-feeds/${token}/interviews.ics`;
  }

  /** The feed's iCalendar text, or null for an unknown or revoked token. */
  async function feed(token: string): Promise<string | null> {
    const row = await repo.feedByHash(hashSecretToken(token));
    if (!row || row.revokedAt) return null;
    await repo.touchFeed(row.id, now());
    const mine = (await deps.interviewsOfUser(row.userId)).filter((r) => r.interview.plannedStart !== null);
    const sent = await repo.eventsFor(mine.map((r) => r.interview.id));
    const events: IcsEvent[] = mine.map(({ interview, orgName }) => {
      const start = interview.plannedStart ?? now();
      const last = sent.get(interview.id);
      return {
        uid: last?.uid ?? `interview-${interview.id}@interviewselect`,
        sequence: last?.sequence ?? 0,
        start,
        end: new Date(start.getTime() + interview.durationMinutes * 60_000),
        summary: interview.title,
        description: `Interview with ${orgName} on InterviewSelect.`,
        url: roomUrl(interview.id),
        organizer: { name: orgName, email: deps.organizerEmail },
        attendees: [],
        status: interview.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        stamp: now(),
      };
    });
    return buildCalendar({ method: 'PUBLISH', name: 'InterviewSelect interviews', events });
  }

  /** The interview as it belongs in an interviewer's own calendar (no organiser or attendees), or null if never sent. */
  /**
   * The interview as a person's synced calendar should hold it; cancelled for `userId` when they are no
   * longer on its panel (their copy is then removed).
   */
  async function calendarCopy(interviewId: string, userId?: string): Promise<IcsEvent | null> {
    const [agg, sent] = await Promise.all([deps.loadInterview(interviewId), repo.eventsFor([interviewId])]);
    const row = sent.get(interviewId);
    if (!agg || !row) return null;
    const onPanel = userId === undefined || agg.participants.some((p) => p.role !== 'candidate' && p.userId === userId);
    return {
      uid: row.uid,
      sequence: row.sequence,
      start: row.startsAt,
      end: row.endsAt,
      summary: agg.interview.title,
      description: `Interview with ${agg.orgName} on InterviewSelect. Join: ${roomUrl(interviewId)}`,
      url: roomUrl(interviewId),
      attendees: [],
      status: row.status === 'cancelled' || !onPanel ? 'CANCELLED' : 'CONFIRMED',
      stamp: now(),
    };
  }

  /**
   * The scheduling module's notifier: queues the publish as a job (retried on
   * failure) or, without a queue, publishes at once. Never throws — the
   * booking stands whatever happens here.
   */
  async function afterBooking(change: { interviewId: string; kind: 'scheduled' | 'cancelled'; reason: string | null }) {
    if (deps.queue) await deps.queue.enqueue(publishJob, change, { attempts: 8, backoffMs: 10_000 });
    else await publish(change.interviewId, { kind: change.kind, reason: change.reason });
  }

  return { publish, afterBooking, sendReminder, sendDueReminders, rotateFeed, feed, enqueueReminders, calendarCopy };
}
