import type {
  InterviewScorecards,
  InterviewStatus,
  OpenScorecardInput,
  SaveScorecardInputSchema,
  Scorecard,
} from '@interviewselect/contracts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../auth/sessions.service.js';
import { can, type Resource } from '../policy/policy.js';
import type { VersionWithAuthor } from './scorecard-templates.repo.js';
import {
  toTemplateVersion,
  type ScorecardTemplatesService,
  type UserPrincipal,
} from './scorecard-templates.service.js';
import { draftContentOf, missingForSubmit, summarize } from './scorecard-rules.js';
import type { InterviewContext, ScorecardAggregate, ScorecardRow, ScorecardsRepo } from './scorecards.repo.js';

export type ScorecardsService = ReturnType<typeof createScorecardsService>;
type SaveInput = z.output<typeof SaveScorecardInputSchema>;

/** Scorecards can be drafted from the start of the interview (notes while it is live) … */
const OPEN: readonly InterviewStatus[] = ['live', 'paused', 'ended'];
/** … and are submitted once it has ended. */
const SUBMITTABLE: readonly InterviewStatus[] = ['ended'];

const NOT_FOUND = 'No such scorecard.';

/**
 * Scorecards: each interviewer of the panel opens their own for an interview
 * (one template version for the whole panel), autosaves it with optimistic
 * concurrency, submits it (then it is locked), and reads the others' under
 * the anchoring rule of the policy (ADR 0010); the consolidated view once
 * the whole panel has submitted.
 */
export function createScorecardsService(deps: {
  repo: ScorecardsRepo;
  templates: ScorecardTemplatesService;
  audit: AuditService;
  now: () => Date;
}) {
  const { repo, templates, audit, now } = deps;

  async function contextOf(interviewId: string): Promise<InterviewContext> {
    const ctx = await repo.interviewContext(interviewId);
    if (!ctx) throw new AppError('resource.not_found', 'No such interview. It may have been deleted.');
    return ctx;
  }

  function resourceOf(actor: UserPrincipal, ctx: InterviewContext): Resource {
    const roomRole = ctx.participants.find((p) => p.userId === actor.userId)?.role;
    return { orgId: ctx.orgId, interviewId: ctx.id, ...(roomRole ? { roomRole } : {}) };
  }

  function toScorecard(
    agg: ScorecardAggregate,
    ctx: InterviewContext,
    version: VersionWithAuthor,
    actor: UserPrincipal,
  ): Scorecard {
    const { scorecard: row } = agg;
    const canEdit = row.authorUserId === actor.userId && row.status === 'draft' && OPEN.includes(ctx.status);
    return {
      id: row.id,
      interviewId: row.interviewId,
      status: row.status,
      revision: row.revision,
      author: { userId: row.authorUserId, name: row.authorName },
      template: toTemplateVersion(version),
      questions: ctx.questions.map((q) => {
        const saved = agg.questionScores.find((s) => s.interviewQuestionId === q.id);
        return {
          interviewQuestionId: q.id,
          position: q.position,
          title: q.title,
          problemVersionId: q.problemVersionId,
          score: saved?.score ?? null,
          response: saved?.response ?? '',
          hints: saved?.hints ?? '',
          notes: saved?.notes ?? '',
        };
      }),
      ratings: version.competencies.map((c) => {
        const saved = agg.ratings.find((r) => r.competencyKey === c.key);
        return { competencyKey: c.key, score: saved?.score ?? null, notes: saved?.notes ?? '' };
      }),
      strengths: row.strengths,
      weaknesses: row.weaknesses,
      recommendation: row.recommendation,
      notes: row.notes,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      can: { edit: canEdit, submit: canEdit && SUBMITTABLE.includes(ctx.status) },
    };
  }

  async function present(agg: ScorecardAggregate, ctx: InterviewContext, actor: UserPrincipal) {
    return toScorecard(agg, ctx, await templates.versionById(agg.scorecard.templateVersionId), actor);
  }

  /** The caller's own draft, checked for writing (only its author ever changes a scorecard). */
  async function ownDraft(actor: UserPrincipal, id: string) {
    const agg = await repo.load(id);
    if (!agg) throw new AppError('resource.not_found', NOT_FOUND);
    if (agg.scorecard.authorUserId !== actor.userId)
      throw new AppError('auth.forbidden', 'Only its author can change or submit a scorecard.');
    const ctx = await contextOf(agg.scorecard.interviewId);
    if (!can(actor, 'scorecard.write', resourceOf(actor, ctx)))
      throw new AppError('auth.forbidden', 'Only the interview’s interviewers fill in scorecards.');
    if (agg.scorecard.status === 'submitted')
      throw new AppError('scorecard.locked', 'This scorecard has been submitted and can no longer be changed.');
    if (!OPEN.includes(ctx.status))
      throw new AppError('scorecard.not_open', `This interview is ${ctx.status}; its scorecards cannot be changed.`);
    return { agg, ctx };
  }

  function revisionConflict(current: ScorecardRow | undefined, revision: number): never {
    if (current?.status === 'submitted')
      throw new AppError('scorecard.locked', 'This scorecard has been submitted and can no longer be changed.');
    throw new AppError(
      'scorecard.revision_conflict',
      `This scorecard was saved in another tab or window (revision ${current?.revision ?? '?'}, yours was ${revision}). Reload to see the latest version; your unsaved changes are kept on screen so you can copy them.`,
    );
  }

  return {
    /** Opens the caller's scorecard for an interview, creating it on first use; `created` tells which. */
    async open(actor: UserPrincipal, interviewId: string, input: OpenScorecardInput, meta: RequestMeta) {
      const ctx = await contextOf(interviewId);
      if (!can(actor, 'scorecard.write', resourceOf(actor, ctx)))
        throw new AppError('auth.forbidden', 'Only the interview’s interviewers fill in scorecards.');
      const cards = await repo.listForInterview(interviewId);
      let mine = cards.find((c) => c.authorUserId === actor.userId);
      let created = false;
      if (!mine) {
        if (!OPEN.includes(ctx.status)) {
          throw new AppError(
            'scorecard.not_open',
            ctx.status === 'cancelled'
              ? 'This interview was cancelled; it has no scorecards.'
              : 'Scorecards open when the interview starts.',
          );
        }
        // One template version for the whole panel, so the scorecards compare side by side.
        const versionId =
          cards[0]?.templateVersionId ?? (await templates.versionForNewScorecard(ctx.orgId, input.templateId)).id;
        const name = ctx.participants.find((p) => p.userId === actor.userId)?.name ?? actor.user.name;
        const row = await repo.create({
          interviewId,
          templateVersionId: versionId,
          authorUserId: actor.userId,
          authorName: name,
        });
        created = row !== null;
        mine = row ?? (await repo.listForInterview(interviewId)).find((c) => c.authorUserId === actor.userId);
        if (created)
          await audit.record({
            action: 'scorecard.opened',
            actorUserId: actor.userId,
            orgId: ctx.orgId,
            targetType: 'scorecard',
            targetId: row?.id ?? null,
            data: { interviewId, templateVersionId: versionId },
            ip: meta.ip,
            userAgent: meta.userAgent,
          });
      }
      const agg = mine ? await repo.load(mine.id) : null;
      if (!agg) throw new Error('scorecard vanished after creation');
      return { created, scorecard: await present(agg, ctx, actor) };
    },

    async get(actor: UserPrincipal, id: string): Promise<Scorecard> {
      const agg = await repo.load(id);
      if (!agg) throw new AppError('resource.not_found', NOT_FOUND);
      const ctx = await contextOf(agg.scorecard.interviewId);
      const resource = resourceOf(actor, ctx);
      if (!can(actor, 'scorecard.read', resource))
        throw new AppError('auth.forbidden', 'Your role does not allow reading this interview’s scorecards.');
      const isAuthor = agg.scorecard.authorUserId === actor.userId;
      // Someone else's draft does not exist for anyone but its author.
      if (!isAuthor && agg.scorecard.status !== 'submitted') throw new AppError('resource.not_found', NOT_FOUND);
      const mine = (await repo.listForInterview(ctx.id)).find((c) => c.authorUserId === actor.userId);
      const scorecard = { isAuthor, isSubmitted: true, readerHasSubmitted: mine?.status === 'submitted' };
      if (!can(actor, 'scorecard.read', { ...resource, scorecard })) {
        throw new AppError(
          'scorecard.submit_own_first',
          'Submit your own scorecard first: interviewers read each other’s feedback only after giving theirs, so no one is anchored by it.',
        );
      }
      return present(agg, ctx, actor);
    },

    async save(actor: UserPrincipal, id: string, input: SaveInput): Promise<Scorecard> {
      const { agg, ctx } = await ownDraft(actor, id);
      const version = await templates.versionById(agg.scorecard.templateVersionId);
      const { content, issues } = draftContentOf(input, version.competencies, ctx.questions);
      if (issues.length > 0)
        throw new AppError('request.validation_failed', 'Some fields do not fit this scorecard.', issues);
      const saved = await repo.saveDraft(id, input.revision, content, now());
      if (saved === null) revisionConflict((await repo.load(id))?.scorecard, input.revision);
      return toScorecard((await repo.load(id)) as ScorecardAggregate, ctx, version, actor);
    },

    async submit(actor: UserPrincipal, id: string, revision: number, meta: RequestMeta): Promise<Scorecard> {
      const { agg, ctx } = await ownDraft(actor, id);
      if (!SUBMITTABLE.includes(ctx.status))
        throw new AppError(
          'scorecard.not_open',
          'Submit your scorecard once the interview has ended; until then it stays a draft.',
        );
      if (agg.scorecard.revision !== revision) revisionConflict(agg.scorecard, revision);
      const version = await templates.versionById(agg.scorecard.templateVersionId);
      const missing = missingForSubmit(version.competencies, { ...agg.scorecard, ratings: agg.ratings });
      if (missing.length > 0)
        throw new AppError('scorecard.incomplete', 'Complete the scorecard before submitting it.', missing);
      if (!(await repo.submit(id, revision, now()))) revisionConflict((await repo.load(id))?.scorecard, revision);
      await audit.record({
        action: 'scorecard.submitted',
        actorUserId: actor.userId,
        orgId: ctx.orgId,
        targetType: 'scorecard',
        targetId: id,
        data: { interviewId: ctx.id, templateVersionId: version.id },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return toScorecard((await repo.load(id)) as ScorecardAggregate, ctx, version, actor);
    },

    /** Progress for everyone allowed; the scorecards the caller may read; the summary once all are in. */
    async forInterview(actor: UserPrincipal, interviewId: string): Promise<InterviewScorecards> {
      const ctx = await contextOf(interviewId);
      const resource = resourceOf(actor, ctx);
      if (!can(actor, 'scorecard.read', resource))
        throw new AppError('auth.forbidden', 'Your role does not allow reading this interview’s scorecards.');
      const cards = await repo.listForInterview(interviewId);
      const mine = cards.find((c) => c.authorUserId === actor.userId);
      const readerHasSubmitted = mine?.status === 'submitted';
      const panel = ctx.participants
        .filter((p) => p.role === 'interviewer')
        .map((p) => {
          const card = cards.find((c) => c.authorUserId === p.userId && c.status === 'submitted');
          return {
            userId: p.userId,
            name: p.name,
            status: card ? ('submitted' as const) : ('pending' as const),
            submittedAt: card?.submittedAt?.toISOString() ?? null,
            isMe: p.userId === actor.userId,
          };
        });
      const readable = cards.filter(
        (c) =>
          can(actor, 'scorecard.read', {
            ...resource,
            scorecard: {
              isAuthor: c.authorUserId === actor.userId,
              isSubmitted: c.status === 'submitted',
              readerHasSubmitted,
            },
          }) && c.status === 'submitted',
      );
      const aggregates = await repo.loadMany(readable.map((c) => c.id));
      const shown = await Promise.all(aggregates.map((a) => present(a, ctx, actor)));
      const submitted = panel.filter((p) => p.status === 'submitted').length;
      const complete = panel.length > 0 && submitted === panel.length;
      const onPanel = resource.roomRole === 'interviewer';
      const first = shown[0];
      return {
        interviewId,
        interviewStatus: ctx.status,
        panel,
        progress: { submitted, expected: panel.length },
        complete,
        me: {
          onPanel,
          scorecardId: mine?.id ?? null,
          status: mine?.status ?? null,
          canOpen: can(actor, 'scorecard.write', resource) && (mine !== undefined || OPEN.includes(ctx.status)),
        },
        access: onPanel && !readerHasSubmitted ? 'submit_own_first' : 'full',
        scorecards: shown,
        summary:
          complete && first && shown.length === submitted
            ? summarize(
                first.template.competencies,
                shown.map((s) => ({ ...s, authorUserId: s.author.userId, authorName: s.author.name })),
              )
            : null,
      };
    },
  };
}
