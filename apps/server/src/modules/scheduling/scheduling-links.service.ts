import type {
  CreateSchedulingLinkInputSchema,
  SchedulingLink,
  SchedulingSettings,
  SelfSchedule,
} from '@interviewselect/contracts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import type { RequestMeta } from '../auth/sessions.service.js';
import type { InterviewsService } from '../interviews/interviews.service.js';
import type { SchedulingLinkRow, SchedulingLinksRepo } from './scheduling-links.repo.js';
import type { BookResult, SchedulingService } from './scheduling.service.js';

export type SchedulingLinksService = ReturnType<typeof createSchedulingLinksService>;
type UserPrincipal = Extract<Principal, { kind: 'user' }>;

const HOUR = 3_600_000;
const INVALID =
  'This scheduling link is not valid. Check that you copied all of it, or ask your recruiter for a new one.';
const CANDIDATE = { userId: null, name: 'Candidate (scheduling link)' };

function isActive(link: SchedulingLinkRow, at: Date): boolean {
  return !link.revokedAt && link.expiresAt > at;
}

/**
 * Self-scheduling links: a recruiter or interviewer offers the interview's
 * panel and a window; the candidate, with no account, opens the link, sees
 * the free slots and picks one, which books the interview like any booking.
 * Tokens are 256-bit and stored as SHA-256; links expire and can be revoked.
 */
export function createSchedulingLinksService(deps: {
  repo: SchedulingLinksRepo;
  scheduling: Pick<SchedulingService, 'interviewOrThrow' | 'slotsOf' | 'bookAt' | 'bookingOf'>;
  interviews: Pick<InterviewsService, 'loadFor'>;
  audit: AuditService;
  publicUrl: string;
  now: () => Date;
}) {
  const { repo, scheduling, now } = deps;

  function toLink(link: SchedulingLinkRow, url?: string): SchedulingLink {
    return {
      id: link.id,
      windowStart: link.windowStart.toISOString(),
      windowEnd: link.windowEnd.toISOString(),
      expiresAt: link.expiresAt.toISOString(),
      revokedAt: link.revokedAt?.toISOString() ?? null,
      createdAt: link.createdAt.toISOString(),
      active: isActive(link, now()),
      ...(url ? { url } : {}),
    };
  }

  /** The link behind a token, if it still works: unknown → 400, revoked or expired → 410. */
  async function activeLink(token: string): Promise<SchedulingLinkRow> {
    const link = await repo.findByHash(hashSecretToken(token));
    if (!link) throw new AppError('auth.token_invalid', INVALID);
    if (link.revokedAt) {
      throw new AppError(
        'scheduling.link_inactive',
        'This scheduling link was withdrawn. Ask your recruiter for a new one.',
      );
    }
    if (link.expiresAt <= now()) {
      throw new AppError(
        'scheduling.link_inactive',
        'This scheduling link has expired. Ask your recruiter for a new one.',
      );
    }
    return link;
  }

  const windowOf = (link: SchedulingLinkRow) => ({ from: link.windowStart, to: link.windowEnd });

  const audit = (action: string, actor: UserPrincipal, orgId: string, interviewId: string, meta: RequestMeta) =>
    deps.audit.record({
      action,
      actorUserId: actor.userId,
      orgId,
      targetType: 'interview',
      targetId: interviewId,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });

  return {
    async create(
      actor: UserPrincipal,
      interviewId: string,
      input: z.output<typeof CreateSchedulingLinkInputSchema>,
      meta: RequestMeta,
    ): Promise<SchedulingLink> {
      const agg = await deps.interviews.loadFor(actor, interviewId, 'interview.manage');
      const windowStart = new Date(input.windowStart);
      const windowEnd = new Date(input.windowEnd);
      if (windowEnd <= now()) {
        const message = 'The window is over already. Offer a window in the future.';
        throw new AppError('request.validation_failed', message, [{ path: 'body.windowEnd', message }]);
      }
      const token = newSecretToken();
      const link = await repo.insert({
        interviewId,
        tokenHash: hashSecretToken(token),
        windowStart,
        windowEnd,
        expiresAt: new Date(now().getTime() + input.expiresInHours * HOUR),
        createdBy: actor.userId,
      });
      await audit('scheduling.link_created', actor, agg.interview.orgId, interviewId, meta);
      return toLink(link, `${deps.publicUrl}/schedule#${token}`);
    },

    async list(actor: UserPrincipal, interviewId: string): Promise<SchedulingLink[]> {
      await deps.interviews.loadFor(actor, interviewId, 'interview.manage');
      return (await repo.list(interviewId)).map((l) => toLink(l));
    },

    async revoke(
      actor: UserPrincipal,
      interviewId: string,
      linkId: string,
      meta: RequestMeta,
    ): Promise<SchedulingLink> {
      const agg = await deps.interviews.loadFor(actor, interviewId, 'interview.manage');
      const link = await repo.revoke(interviewId, linkId, now());
      if (!link) throw new AppError('resource.not_found', 'No such scheduling link for this interview.');
      await audit('scheduling.link_revoked', actor, agg.interview.orgId, interviewId, meta);
      return toLink(link);
    },

    /** What the candidate sees: the interview's name, the window, its free slots and any booking. */
    async lookup(token: string): Promise<SelfSchedule> {
      const link = await activeLink(token);
      const interview = await scheduling.interviewOrThrow(link.interviewId);
      const settings = await repo.settings(interview.orgId);
      const canPick =
        interview.status === 'draft' || (interview.status === 'scheduled' && settings.candidateMayReschedule);
      const booking = await scheduling.bookingOf(interview.id);
      const slots = canPick
        ? await scheduling.slotsOf(interview, link.windowStart, link.windowEnd, { limit: 500 })
        : [];
      return {
        interviewTitle: interview.title,
        orgName: await repo.orgName(interview.orgId),
        durationMinutes: interview.durationMinutes,
        windowStart: link.windowStart.toISOString(),
        windowEnd: link.windowEnd.toISOString(),
        booking: booking ? { start: booking.start.toISOString(), end: booking.end.toISOString() } : null,
        canPick,
        slots: slots.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })),
      };
    },

    /** The candidate picks a slot: only inside the link's window, for the interview's own panel. */
    async book(token: string, start: string, reason: string | undefined, timeZone?: string): Promise<BookResult> {
      const link = await activeLink(token);
      const interview = await scheduling.interviewOrThrow(link.interviewId);
      if (interview.status === 'scheduled' && !(await repo.settings(interview.orgId)).candidateMayReschedule) {
        throw new AppError(
          'interview.invalid_transition',
          'Your interview is booked already. Contact your recruiter to move it.',
        );
      }
      // Before booking: the invitation that the booking queues is written in this zone.
      if (timeZone) await repo.setCandidateTimeZone(interview.id, timeZone);
      return scheduling.bookAt(interview, start, CANDIDATE, reason, windowOf(link));
    },

    async settings(orgId: string): Promise<SchedulingSettings> {
      return repo.settings(orgId);
    },

    async saveSettings(orgId: string, value: SchedulingSettings): Promise<SchedulingSettings> {
      await repo.saveSettings(orgId, value);
      return repo.settings(orgId);
    },
  };
}
