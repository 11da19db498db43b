import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db.js';
import type { AuditService } from '../audit/audit.service.js';
import { createGuestSessions } from '../auth/guest-sessions.js';
import type { MailService } from '../mail/mail.service.js';
import type { InterviewBookingsPort } from './interview-bookings.js';
import { createInterviewLinksService } from './interview-links.service.js';
import { createInterviewsRepo, type InterviewAggregate, type InterviewRow } from './interviews.repo.js';
import { interviewsRoutes } from './interviews.routes.js';
import { createInterviewsService, type InterviewCalendarEvent, type InterviewsService } from './interviews.service.js';
import type { QuestionBankPort } from './question-bank.js';
import type { RoomAccess } from './room-access.js';
import { roomLinksRoutes } from './room-links.routes.js';

/** What the calendar module reads of interviews (and the candidate link its invitations carry). */
export interface InterviewCalendarPort {
  loadInterview: (id: string) => Promise<InterviewAggregate | null>;
  interviewsOfUser: (userId: string) => Promise<{ interview: InterviewRow; orgName: string }[]>;
  issueCandidateLink: (interviewId: string, expiresAt: Date) => Promise<string | null>;
  onCalendarChange: (listener: (event: InterviewCalendarEvent) => void) => () => void;
}

/**
 * Wires the interviews module: interviews and their lifecycle, invite links
 * and the lobby, a user's own interviews. Returns the room's view of it
 * (RoomAccess) for the rooms module. Register after the auth module.
 */
export async function registerInterviewsModule(
  app: FastifyInstance,
  deps: { config: Config; db: Db; audit: AuditService; mail: MailService; bank: QuestionBankPort; now: () => Date },
): Promise<{
  roomAccess: RoomAccess;
  interviews: InterviewsService;
  calendarPort: InterviewCalendarPort;
  /** Plugs in the scheduling module's bookings (registered after this module, since it reads interviews). */
  useBookings: (port: InterviewBookingsPort) => void;
}> {
  const repo = createInterviewsRepo(deps.db);
  let bound: InterviewBookingsPort | null = null;
  const port = (): InterviewBookingsPort => {
    if (!bound) throw new Error('the scheduling module has not plugged in its bookings');
    return bound;
  };
  const bookings: InterviewBookingsPort = {
    bookExplicit: (input) => port().bookExplicit(input),
    rebook: (input) => port().rebook(input),
  };
  const interviews = createInterviewsService({ repo, audit: deps.audit, bank: deps.bank, bookings, now: deps.now });
  const links = createInterviewLinksService({
    repo,
    interviews,
    guests: createGuestSessions({ db: deps.db, now: deps.now }),
    audit: deps.audit,
    mail: deps.mail,
    publicUrl: deps.config.publicUrl,
    now: deps.now,
  });
  await app.register(interviewsRoutes, { interviews, links });
  await app.register(roomLinksRoutes, { links });
  const calendarPort: InterviewCalendarPort = {
    loadInterview: (id) => repo.loadAggregate(id),
    interviewsOfUser: (userId) => repo.interviewsOfUser(userId),
    issueCandidateLink: (id, expiresAt) => links.issueForInvitation(id, expiresAt),
    onCalendarChange: (listener) => interviews.onCalendarChange(listener),
  };
  return {
    roomAccess: interviews.roomAccess,
    interviews,
    calendarPort,
    useBookings: (p) => {
      bound = p;
    },
  };
}
