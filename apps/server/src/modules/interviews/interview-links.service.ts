import type {
  CreateInterviewLinkInputSchema,
  InterviewLink,
  JoinRoomInputSchema,
  Lobby,
  RoomRole,
} from '@interviewselect/contracts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { GuestSessions } from '../auth/guest-sessions.js';
import type { Principal } from '../auth/principal.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import type { RequestMeta } from '../auth/sessions.service.js';
import type { MailService } from '../mail/mail.service.js';
import { interviewEmails } from './interviews-emails.js';
import type { InterviewsRepo, LinkRow } from './interviews.repo.js';
import type { InterviewsService, UserPrincipal } from './interviews.service.js';

export type InterviewLinksService = ReturnType<typeof createInterviewLinksService>;

function isActive(link: LinkRow, at: Date): boolean {
  return !link.revokedAt && link.expiresAt.getTime() > at.getTime() && !(link.singleUse && link.uses > 0);
}

function inactiveDetail(link: LinkRow, at: Date): string {
  if (link.revokedAt) return 'This invite link was withdrawn. Ask the interviewer for a new one.';
  if (link.expiresAt.getTime() <= at.getTime())
    return 'This invite link has expired. Ask the interviewer for a new one.';
  return 'This invite link worked once and has been used. Ask the interviewer for a new one if you need to join again.';
}

const INVALID = 'This invite link is not valid. Check that you copied all of it, or ask the interviewer for a new one.';

/**
 * Invite links — one active per role, random 256-bit tokens stored hashed,
 * expiring, optionally single-use, revocable and regenerable — and what
 * opening one does: the lobby's lookup, then joining as a guest (a guest
 * session bound to this interview and role) or with one's account.
 */
export function createInterviewLinksService(deps: {
  repo: InterviewsRepo;
  interviews: Pick<InterviewsService, 'loadFor'>;
  guests: GuestSessions;
  audit: AuditService;
  mail: MailService;
  publicUrl: string;
  now: () => Date;
}) {
  const { repo, now } = deps;

  function toLink(link: LinkRow, at: Date, url?: string): InterviewLink {
    return {
      id: link.id,
      role: link.role,
      expiresAt: link.expiresAt.toISOString(),
      singleUse: link.singleUse,
      uses: link.uses,
      revokedAt: link.revokedAt?.toISOString() ?? null,
      createdAt: link.createdAt.toISOString(),
      active: isActive(link, at),
      emailedTo: link.emailedTo,
      ...(url ? { url } : {}),
    };
  }

  async function linkByToken(token: string): Promise<LinkRow> {
    const link = await repo.findLinkByHash(hashSecretToken(token));
    if (!link) throw new AppError('auth.token_invalid', INVALID);
    return link;
  }

  /** Whether this principal already holds the link's place (re-opening a used single-use link is fine for them). */
  async function alreadyJoined(principal: Principal, link: LinkRow): Promise<boolean> {
    if (principal.kind === 'guest') return principal.interviewId === link.interviewId && principal.role === link.role;
    if (principal.kind === 'user') {
      const p = await repo.participantForUser(link.interviewId, principal.userId);
      return p !== null && (p.role === link.role || p.role === 'interviewer');
    }
    return false;
  }

  return {
    async list(actor: UserPrincipal, interviewId: string): Promise<InterviewLink[]> {
      await deps.interviews.loadFor(actor, interviewId, 'interview.manage');
      const at = now();
      return (await repo.listLinks(interviewId)).map((l) => toLink(l, at));
    },

    async create(
      actor: UserPrincipal,
      interviewId: string,
      input: z.output<typeof CreateInterviewLinkInputSchema>,
      meta: RequestMeta,
    ): Promise<InterviewLink> {
      const agg = await deps.interviews.loadFor(actor, interviewId, 'interview.manage');
      const { interview } = agg;
      if (interview.status === 'ended' || interview.status === 'cancelled') {
        throw new AppError('interview.locked', `This interview is ${interview.status}; it no longer takes new people.`);
      }
      if (input.sendEmail && input.role !== 'candidate') {
        throw new AppError('request.validation_failed', 'Only the candidate’s link can be e-mailed from here.', [
          { path: 'body.sendEmail', message: 'Only the candidate’s link can be e-mailed.' },
        ]);
      }
      const token = newSecretToken();
      const at = now();
      const expiresAt = new Date(at.getTime() + input.expiresInHours * 3600_000);
      const link = await repo.replaceLink(
        {
          interviewId,
          role: input.role,
          tokenHash: hashSecretToken(token),
          expiresAt,
          singleUse: input.singleUse,
          emailedTo: input.sendEmail ? agg.candidate.email : null,
          createdBy: actor.userId,
          createdAt: at,
        },
        at,
      );
      const url = `${deps.publicUrl}/join#${token}`;
      if (input.sendEmail) {
        await deps.mail.send(
          interviewEmails.candidateLink({
            to: agg.candidate.email,
            candidateName: agg.candidate.name,
            title: interview.title,
            orgName: agg.orgName,
            plannedStart: interview.plannedStart,
            durationMinutes: interview.durationMinutes,
            expiresAt,
            url,
          }),
        );
      }
      await deps.audit.record({
        action: 'interview.link_created',
        actorUserId: actor.userId,
        orgId: interview.orgId,
        targetType: 'interview',
        targetId: interviewId,
        data: { role: input.role, singleUse: input.singleUse, emailed: input.sendEmail },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return toLink(link, at, url);
    },

    /**
     * A candidate join link for a calendar invitation (no actor: the booking
     * that triggers it was authorised already), or null when the candidate
     * already has an active link — a link someone sent, or the one of an
     * earlier invitation, is never revoked behind their back.
     */
    async issueForInvitation(interviewId: string, expiresAt: Date): Promise<string | null> {
      const interview = await repo.findInterview(interviewId);
      if (!interview) throw new AppError('resource.not_found', 'No such interview. It may have been deleted.');
      const at = now();
      const links = await repo.listLinks(interviewId);
      if (links.some((l) => l.role === 'candidate' && isActive(l, at))) return null;
      const token = newSecretToken();
      await repo.replaceLink(
        {
          interviewId,
          role: 'candidate',
          tokenHash: hashSecretToken(token),
          expiresAt,
          singleUse: false,
          emailedTo: null,
          createdBy: null,
          createdAt: at,
        },
        at,
      );
      await deps.audit.record({
        action: 'interview.link_created',
        actorUserId: null,
        orgId: interview.orgId,
        targetType: 'interview',
        targetId: interviewId,
        data: { role: 'candidate', singleUse: false, emailed: true, calendarInvitation: true },
      });
      return `${deps.publicUrl}/join#${token}`;
    },

    async revoke(actor: UserPrincipal, interviewId: string, linkId: string, meta: RequestMeta): Promise<InterviewLink> {
      const agg = await deps.interviews.loadFor(actor, interviewId, 'interview.manage');
      const at = now();
      const link = await repo.revokeLink(interviewId, linkId, at);
      if (!link) throw new AppError('resource.not_found', 'No such link on this interview.');
      await deps.audit.record({
        action: 'interview.link_revoked',
        actorUserId: actor.userId,
        orgId: agg.interview.orgId,
        targetType: 'interview',
        targetId: interviewId,
        data: { role: link.role },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return toLink(link, at);
    },

    /** The lobby: what the link opens, for whoever holds it (nothing private). */
    async lookup(principal: Principal, token: string): Promise<Lobby> {
      const link = await linkByToken(token);
      const at = now();
      const joined = await alreadyJoined(principal, link);
      if (!joined && !isActive(link, at)) throw new AppError('interview.link_inactive', inactiveDetail(link, at));
      const interview = await repo.findInterview(link.interviewId);
      if (!interview) throw new AppError('auth.token_invalid', INVALID);
      const participants = link.role === 'candidate' ? await repo.participants(link.interviewId) : [];
      const candidate = participants.find((p) => p.role === 'candidate');
      return {
        interviewId: interview.id,
        title: interview.title,
        orgName: await repo.orgName(interview.orgId),
        role: link.role,
        status: interview.status,
        plannedStart: interview.plannedStart?.toISOString() ?? null,
        durationMinutes: interview.durationMinutes,
        options: {
          anonymous: interview.anonymous,
          recordingAllowed: interview.recordingAllowed,
          integritySignals: interview.integritySignals,
        },
        joined,
        suggestedName: principal.kind === 'user' ? principal.user.name : (candidate?.displayName ?? null),
      };
    },

    /**
     * Joins through a link. A signed-in user takes the place with their account;
     * anyone else becomes a guest bound to this interview and role (the caller
     * sets the returned guest token as the cookie). Consent is required when the
     * interview records or collects integrity signals.
     */
    async join(
      principal: Principal,
      input: z.output<typeof JoinRoomInputSchema>,
      meta: RequestMeta,
    ): Promise<{ interviewId: string; role: RoomRole; guestToken?: string }> {
      const link = await linkByToken(input.token);
      const at = now();
      const interview = await repo.findInterview(link.interviewId);
      if (!interview) throw new AppError('auth.token_invalid', INVALID);
      if (await alreadyJoined(principal, link)) return { interviewId: interview.id, role: link.role };
      if (interview.status === 'ended' || interview.status === 'cancelled') {
        throw new AppError(
          'interview.link_inactive',
          `This interview is ${interview.status}; it can no longer be joined.`,
        );
      }
      if ((interview.recordingAllowed || interview.integritySignals) && !input.consent) {
        throw new AppError('request.validation_failed', 'Please read the notice and agree before joining.', [
          { path: 'body.consent', message: 'Agree to what this interview records before joining.' },
        ]);
      }
      if (!(await repo.consumeLink(link.id, at)))
        throw new AppError('interview.link_inactive', inactiveDetail(link, at));
      let guestToken: string | undefined;
      let guestSessionId: string | null = null;
      if (principal.kind === 'user') {
        await repo.bindParticipant({
          interviewId: interview.id,
          role: link.role,
          userId: principal.userId,
          guestSessionId: null,
          displayName: principal.user.name,
        });
      } else {
        const started = await deps.guests.startWithId({
          interviewId: interview.id,
          role: link.role,
          displayName: input.displayName,
        });
        guestToken = started.token;
        guestSessionId = started.id;
        await repo.bindParticipant({
          interviewId: interview.id,
          role: link.role,
          userId: null,
          guestSessionId,
          displayName: input.displayName,
        });
      }
      await deps.audit.record({
        action: 'interview.joined',
        actorUserId: principal.kind === 'user' ? principal.userId : null,
        orgId: interview.orgId,
        targetType: 'interview',
        targetId: interview.id,
        data: { role: link.role, ...(guestSessionId ? { guestSessionId } : {}), consent: input.consent },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return { interviewId: interview.id, role: link.role, ...(guestToken ? { guestToken } : {}) };
    },
  };
}
