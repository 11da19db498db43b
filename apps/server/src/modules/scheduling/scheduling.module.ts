import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db.js';
import type { AuditService } from '../audit/audit.service.js';
import type { InterviewsService } from '../interviews/interviews.service.js';
import { createAvailabilityRepo } from './availability.repo.js';
import { createAvailabilityService } from './availability.service.js';
import { createBookingsRepo } from './bookings.repo.js';
import { createCalendarEntriesRepo } from './calendar-entries.repo.js';
import { calendarEntriesRoutes } from './calendar-entries.routes.js';
import { createCalendarEntriesService } from './calendar-entries.service.js';
import { noSchedulingNotifications, type SchedulingNotifier } from './scheduling-events.js';
import { createSchedulingLinksRepo } from './scheduling-links.repo.js';
import { schedulingLinksRoutes } from './scheduling-links.routes.js';
import { createSchedulingLinksService } from './scheduling-links.service.js';
import { schedulingRoutes } from './scheduling.routes.js';
import { createSchedulingService, type SchedulingService } from './scheduling.service.js';

/**
 * Wires the scheduling module: availability, slots, bookings and
 * self-scheduling links. `notify` is the seam for invitations, reminders and
 * calendar sync (called after every booking, reschedule and cancellation).
 */
export async function registerSchedulingModule(
  app: FastifyInstance,
  deps: {
    config: Config;
    db: Db;
    audit: AuditService;
    interviews: InterviewsService;
    notify?: SchedulingNotifier;
    /** Busy times from interviewers' own calendars (the calendar module's CalDAV sync). */
    externalBusy?: (userIds: string[], from: Date, to: Date) => Promise<Map<string, { start: Date; end: Date }[]>>;
    now: () => Date;
  },
): Promise<{ scheduling: SchedulingService }> {
  const availabilityRepo = createAvailabilityRepo(deps.db);
  const availability = createAvailabilityService({ repo: availabilityRepo, now: deps.now });
  const bookings = createBookingsRepo(deps.db);
  const scheduling = createSchedulingService({
    availability: availabilityRepo,
    bookings,
    interviews: deps.interviews,
    notify: deps.notify ?? noSchedulingNotifications,
    ...(deps.externalBusy ? { externalBusy: deps.externalBusy } : {}),
    now: deps.now,
  });
  const links = createSchedulingLinksService({
    repo: createSchedulingLinksRepo(deps.db),
    scheduling,
    interviews: deps.interviews,
    audit: deps.audit,
    publicUrl: deps.config.publicUrl,
    now: deps.now,
  });
  // An interview cancelled through its lifecycle actions frees its interviewers' time.
  const stop = deps.interviews.roomAccess.onStatusChange((event) => {
    if (event.status !== 'cancelled') return;
    bookings.release(event.interviewId).catch((err: unknown) => {
      app.log.error({ err, interviewId: event.interviewId }, 'could not free the bookings of a cancelled interview');
    });
  });
  app.addHook('onClose', async () => stop());
  await app.register(schedulingRoutes, { availability, scheduling, links });
  await app.register(schedulingLinksRoutes, { links });
  const entries = createCalendarEntriesService({ repo: createCalendarEntriesRepo(deps.db), now: deps.now });
  await app.register(calendarEntriesRoutes, { entries });
  return { scheduling };
}
