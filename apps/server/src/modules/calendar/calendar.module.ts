import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import type { InterviewCalendarPort } from '../interviews/interviews.module.js';
import type { MailService } from '../mail/mail.service.js';
import { createSecretBox } from '../../platform/secret-box.js';
import type { SchedulingEvent, SchedulingNotifier } from '../scheduling/scheduling-events.js';
import type { registerSchedulingModule } from '../scheduling/scheduling.module.js';
import { caldavPushJob, createCalDavSync, type CalDavSync } from './caldav-sync.js';
import { createCalendarRepo } from './calendar.repo.js';
import { calendarRoutes } from './calendar.routes.js';
import {
  createCalendarService,
  publishJob,
  reminderJob,
  type CalendarService,
  type TimeZoneSource,
} from './calendar.service.js';

type SchedulingDeps = Parameters<typeof registerSchedulingModule>[1];

/**
 * Wires the calendar module: invitations/updates/cancellations with .ics,
 * reminders (the `calendar.remind` job, registered when this node runs
 * workers) and subscription feeds. Scheduling calls `calendar.publish`.
 */
export async function registerCalendarModule(
  app: FastifyInstance,
  deps: {
    config: Config;
    db: Db;
    mail: MailService;
    queue?: JobQueue;
    interviews: InterviewCalendarPort;
    timeZones?: TimeZoneSource;
    logger: Pick<FastifyBaseLogger, 'error'>;
    now: () => Date;
  },
): Promise<{
  calendar: CalendarService;
  sync: CalDavSync;
  scheduling: { notify: SchedulingNotifier; externalBusy: NonNullable<SchedulingDeps['externalBusy']> };
}> {
  const secretKey = deps.config.secretKey;
  if (!secretKey) throw new Error('config.secretKey must be resolved before building the app');
  const repo = createCalendarRepo(deps.db);
  const sync = createCalDavSync({
    db: deps.db,
    box: createSecretBox(secretKey, 'caldav-password'),
    ...(deps.queue ? { queue: deps.queue } : {}),
    eventFor: (interviewId, userId) => calendar.calendarCopy(interviewId, userId),
    sentUid: (interviewId) => repo.sentUid(interviewId),
    now: deps.now,
  });
  const calendar = createCalendarService({
    repo,
    mail: deps.mail,
    ...(deps.queue ? { queue: deps.queue } : {}),
    loadInterview: deps.interviews.loadInterview,
    interviewsOfUser: deps.interviews.interviewsOfUser,
    issueCandidateLink: deps.interviews.issueCandidateLink,
    ...(deps.timeZones ? { timeZones: deps.timeZones } : {}),
    publicUrl: deps.config.publicUrl,
    organizerEmail: addressOf(deps.config.mail.from),
    onPublished: (interviewId, interviewerIds) => sync.schedulePush(interviewerIds, interviewId),
    now: deps.now,
  });
  if (deps.queue && deps.config.workersEnabled) {
    deps.queue.register(reminderJob, async ({ reminderId }) => {
      await calendar.sendReminder(reminderId);
    });
    deps.queue.register(caldavPushJob, (payload, ctx) => sync.push(payload, ctx));
    deps.queue.register(publishJob, async ({ interviewId, kind, reason }) => {
      await calendar.publish(interviewId, { kind, reason });
    });
  }
  // Interviews cancelled through their lifecycle actions reach attendees' calendars (bookings and moves
  // come through the scheduling notifier below).
  // One publish at a time per interview, in order, so SEQUENCE follows the changes.
  const chains = new Map<string, Promise<void>>();
  const stop = deps.interviews.onCalendarChange((event) => {
    const previous = chains.get(event.interviewId) ?? Promise.resolve();
    const next = previous
      .then(() => calendar.publish(event.interviewId, { kind: event.kind, reason: event.reason }))
      .then(
        () => undefined,
        (error: unknown) =>
          deps.logger.error({ err: error, interviewId: event.interviewId }, 'calendar publish failed'),
      );
    chains.set(event.interviewId, next);
    void next.then(() => {
      if (chains.get(event.interviewId) === next) chains.delete(event.interviewId);
    });
  });
  app.addHook('onClose', async () => {
    stop();
    await Promise.all(chains.values());
  });
  await app.register(calendarRoutes, { calendar, repo, sync });
  /** For the scheduling module: what follows a booking, and busy times from connected calendars. */
  const scheduling = {
    notify: async (event: SchedulingEvent) => {
      try {
        await calendar.afterBooking({
          interviewId: event.interviewId,
          kind: event.kind === 'cancelled' ? 'cancelled' : 'scheduled',
          reason: event.reason,
        });
      } catch (err) {
        deps.logger.error({ err, interviewId: event.interviewId }, 'could not queue the calendar update of a booking');
      }
    },
    externalBusy: async (userIds: string[], from: Date, to: Date) => (await sync.busyFor(userIds, from, to)).busy,
  };
  return { calendar, sync, scheduling };
}

/** "InterviewSelect <no-reply@x>" → "no-reply@x". */
function addressOf(from: string): string {
  const match = /<([^>]+)>/.exec(from);
  return (match?.[1] ?? from).trim();
}
