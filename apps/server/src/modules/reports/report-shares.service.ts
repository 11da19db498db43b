import {
  InterviewReportSchema,
  ReleasedCodeSchema,
  ReleasedSolutionsSchema,
  type CandidateFeedback,
  type InterviewRelease,
  type ReplayLog,
  type ReportShare,
  type ReportShareCreated,
  type SharedReport,
} from '@interviewselect/contracts';
import type { z } from 'zod';
import type { CreateReportShareInputSchema, ReleaseInputSchema } from '@interviewselect/contracts';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import type { InterviewsService, UserPrincipal } from '../interviews/interviews.service.js';
import type { QuestionBankPort } from '../interviews/question-bank.js';
import type { RequestMeta } from '../auth/sessions.service.js';
import type { ReplayService } from '../replay/replay.service.js';
import type { ReportSharesRepo } from './report-shares.repo.js';
import type { ReportsService } from './reports.service.js';

export type ReportSharesService = ReturnType<typeof createReportSharesService>;

type ShareListRow = Awaited<ReturnType<ReportSharesRepo['listShares']>>[number];

const DAY_MS = 24 * 60 * 60 * 1000;

function toShare(row: ShareListRow, now: Date): ReportShare {
  return {
    id: row.id,
    label: row.label,
    includeReplay: row.includeReplay,
    state: row.revokedAt ? 'revoked' : row.expiresAt <= now ? 'expired' : 'active',
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    lastOpenedAt: row.lastOpenedAt?.toISOString() ?? null,
    openCount: row.openCount,
  };
}

/**
 * Sharing a report outside the organisation and releasing feedback to the
 * candidate. Both freeze what they give away when it is given: a share keeps
 * the report exactly as the sharer saw it (the anchoring rule included); a
 * release keeps the feedback, the final code and the reference solutions as
 * they were. Every share opening, refused or not, is audited.
 */
export function createReportSharesService(deps: {
  repo: ReportSharesRepo;
  reports: ReportsService;
  interviews: InterviewsService;
  bank: QuestionBankPort;
  audit: AuditService;
  /** The session replay, for shares that include it. */
  replay: Pick<ReplayService, 'replayLog'>;
  publicUrl: string;
  now: () => Date;
}) {
  const { repo, reports, interviews, audit } = deps;
  /** Whoever may read the interview may manage its shares and release (the report applies its own rules). */
  const authorize = (actor: UserPrincipal, interviewId: string) => interviews.get(actor, interviewId);

  /** The share of a token if it works now; every attempt on a known link is audited as opened or refused. */
  async function active(token: string, what: 'json' | 'pdf' | 'replay', meta: RequestMeta) {
    const found = await repo.byToken(hashSecretToken(token));
    if (!found)
      throw new AppError('resource.not_found', 'This link is not valid. Ask the person who sent it for a new one.');
    const { share, orgId } = found;
    const now = deps.now();
    const inactive = share.revokedAt ? 'revoked' : share.expiresAt <= now ? 'expired' : null;
    await audit.record({
      action: inactive ? 'report.share_refused' : 'report.share_opened',
      orgId,
      targetType: 'report_share',
      targetId: share.id,
      data: { interviewId: share.interviewId, label: share.label, what, ...(inactive ? { reason: inactive } : {}) },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    if (inactive) {
      throw new AppError(
        'report.share_inactive',
        inactive === 'revoked'
          ? 'This link was revoked by the organisation that shared it. Ask them for a new one.'
          : `This link expired on ${share.expiresAt.toISOString().slice(0, 10)}. Ask the person who sent it for a new one.`,
      );
    }
    return { ...share, sharedBy: found.sharedBy };
  }

  return {
    async create(
      actor: UserPrincipal,
      interviewId: string,
      input: z.output<typeof CreateReportShareInputSchema>,
      meta: RequestMeta,
    ): Promise<ReportShareCreated> {
      const report = await reports.build(actor, interviewId);
      const { orgId } = await authorize(actor, interviewId);
      const now = deps.now();
      const token = newSecretToken();
      const id = await repo.insertShare({
        interviewId,
        tokenHash: hashSecretToken(token),
        label: input.label,
        includeReplay: input.includeReplay,
        report,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
        createdBy: actor.userId,
        createdAt: now,
      });
      await audit.record({
        action: 'report.share_created',
        actorUserId: actor.userId,
        orgId,
        targetType: 'report_share',
        targetId: id,
        data: {
          interviewId,
          label: input.label,
          expiresInDays: input.expiresInDays,
          includeReplay: input.includeReplay,
        },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      const row = await repo.share(id);
      if (!row) throw new Error('report share vanished after insert');
      return { ...toShare(row, now), url: `${deps.publicUrl}/shared/report#${token}` };
    },

    async list(actor: UserPrincipal, interviewId: string): Promise<ReportShare[]> {
      await authorize(actor, interviewId);
      const now = deps.now();
      return (await repo.listShares(interviewId)).map((row) => toShare(row, now));
    },

    async revoke(actor: UserPrincipal, shareId: string, meta: RequestMeta): Promise<ReportShare> {
      const row = await repo.share(shareId);
      if (!row) throw new AppError('resource.not_found', 'No such share link.');
      const { orgId } = await authorize(actor, row.interviewId);
      const now = deps.now();
      if (await repo.revoke(shareId, now)) {
        await audit.record({
          action: 'report.share_revoked',
          actorUserId: actor.userId,
          orgId,
          targetType: 'report_share',
          targetId: shareId,
          data: { interviewId: row.interviewId, label: row.label },
          ip: meta.ip,
          userAgent: meta.userAgent,
        });
      }
      const after = await repo.share(shareId);
      return toShare(after ?? row, now);
    },

    /** Opens a share by its token (anyone holding it); every attempt on a known link is audited. */
    async open(token: string, format: 'json' | 'pdf', meta: RequestMeta): Promise<SharedReport> {
      const share = await active(token, format, meta);
      await repo.countOpening(share.id, deps.now());
      return {
        report: InterviewReportSchema.parse(share.report),
        sharedBy: share.sharedBy,
        sharedAt: share.createdAt.toISOString(),
        expiresAt: share.expiresAt.toISOString(),
        includeReplay: share.includeReplay,
      };
    },

    /** The session replay of a share that includes it (the public document only, no notes). */
    async openReplay(token: string, meta: RequestMeta): Promise<ReplayLog> {
      const share = await active(token, 'replay', meta);
      if (!share.includeReplay)
        throw new AppError('auth.forbidden', 'This link shares the report only, not the replay of the session.');
      return deps.replay.replayLog(share.interviewId);
    },

    async release(actor: UserPrincipal, interviewId: string): Promise<InterviewRelease | null> {
      await authorize(actor, interviewId);
      const found = await repo.release(interviewId);
      if (!found) return null;
      const { release } = found;
      return {
        interviewId,
        feedback: release.feedback,
        includeCode: release.includeCode,
        includeSolution: release.includeSolution,
        releasedAt: release.releasedAt.toISOString(),
        releasedBy: found.releasedByName,
      };
    },

    /** Releases (or updates the release of) feedback to the candidate; only once the interview has ended. */
    async setRelease(
      actor: UserPrincipal,
      interviewId: string,
      input: z.output<typeof ReleaseInputSchema>,
      meta: RequestMeta,
    ): Promise<InterviewRelease> {
      const interview = await authorize(actor, interviewId);
      const report = await reports.build(actor, interviewId);
      if (interview.status !== 'ended') {
        throw new AppError(
          'report.not_releasable',
          'Feedback can be released to the candidate once the interview has ended.',
        );
      }
      const bankQuestions = interview.questions.filter((q) => q.problem);
      const versionIds = bankQuestions.flatMap((q) => (q.problem ? [q.problem.versionId] : []));
      const views = await deps.bank.roomViews(input.includeSolution ? versionIds : [], true);
      const solutions = bankQuestions.map((q) => ({
        position: q.position,
        title: q.title,
        referenceSolutions: (q.problem && views.get(q.problem.versionId)?.answerKey?.referenceSolutions) ?? {},
      }));
      await repo.upsertRelease({
        interviewId,
        feedback: input.feedback,
        includeCode: input.includeCode,
        includeSolution: input.includeSolution,
        code: input.includeCode ? report.finalCode : null,
        solutions: input.includeSolution ? solutions : null,
        releasedBy: actor.userId,
        releasedAt: deps.now(),
      });
      await audit.record({
        action: 'interview.feedback_released',
        actorUserId: actor.userId,
        orgId: interview.orgId,
        targetType: 'interview',
        targetId: interviewId,
        data: { includeCode: input.includeCode, includeSolution: input.includeSolution },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      const released = await this.release(actor, interviewId);
      if (!released) throw new Error('release vanished after upsert');
      return released;
    },

    async withdrawRelease(actor: UserPrincipal, interviewId: string, meta: RequestMeta): Promise<void> {
      const { orgId } = await authorize(actor, interviewId);
      if (!(await repo.withdrawRelease(interviewId))) return;
      await audit.record({
        action: 'interview.feedback_withdrawn',
        actorUserId: actor.userId,
        orgId,
        targetType: 'interview',
        targetId: interviewId,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
    },

    /** The candidate's own view: only their interviews, only what was released. */
    async candidateFeedback(actor: UserPrincipal, interviewId: string): Promise<CandidateFeedback> {
      const mine = (await interviews.myInterviews(actor)).find((i) => i.id === interviewId && i.role === 'candidate');
      if (!mine)
        throw new AppError('resource.not_found', 'No such interview among the ones you took part in as a candidate.');
      const found = await repo.release(interviewId);
      const release = found?.release;
      return {
        interviewId,
        title: mine.title,
        orgName: mine.orgName,
        released: Boolean(release),
        releasedAt: release?.releasedAt.toISOString() ?? null,
        feedback: release?.feedback ?? '',
        code: release?.includeCode ? ReleasedCodeSchema.parse(release.code ?? []) : null,
        solutions: release?.includeSolution ? ReleasedSolutionsSchema.parse(release.solutions ?? []) : null,
      };
    },
  };
}
