import type {
  CandidateProblemView,
  ProblemDetail,
  ProblemList,
  ProblemPackage,
  ProblemSummary,
  ProblemVersion,
} from '@interviewselect/contracts';
import { LanguageIdSchema, ProblemPackageSchema } from '@interviewselect/contracts';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/db.js';
import type { Principal } from '../auth/principal.js';
import { can } from '../policy/policy.js';
import { candidateView } from './problem-package.js';
import { countProblems, searchProblems, type SearchQuery, type SearchRow } from './questions-search.repo.js';
import { refreshUsage } from './questions-usage.repo.js';
import type { ProblemHead, QuestionsRepo } from './questions.repo.js';
import type { VerificationsService } from './verifications.service.js';

export type QuestionsService = ReturnType<typeof createQuestionsService>;
export type Member = Extract<Principal, { kind: 'user' }>;

const iso = (d: Date | string) => new Date(d).toISOString();

function usageOf(row: {
  timesUsed: number;
  submitCount: number;
  acceptedCount: number;
  avgSolveMinutes: number | null;
}): ProblemSummary['usage'] {
  return {
    timesUsed: row.timesUsed,
    passRate: row.submitCount > 0 ? row.acceptedCount / row.submitCount : null,
    avgSolveMinutes: row.avgSolveMinutes,
  };
}

function summaryFromSearch(row: SearchRow): ProblemSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    difficulty: row.difficulty,
    category: ProblemPackageSchema.shape.category.parse(row.category),
    tags: row.tags,
    owner: { kind: row.org_id ? 'org' : 'public', orgId: row.org_id, orgName: row.org_name },
    status: row.status,
    currentVersion: row.current_version === null ? null : Number(row.current_version),
    currentVersionId: row.current_version_id,
    languages: row.languages.map((l) => LanguageIdSchema.parse(l)),
    usage: usageOf({
      timesUsed: Number(row.times_used),
      submitCount: Number(row.submit_count),
      acceptedCount: Number(row.accepted_count),
      avgSolveMinutes: row.avg_solve_minutes === null ? null : Number(row.avg_solve_minutes),
    }),
    updatedAt: iso(row.updated_at),
  };
}

export function createQuestionsService(deps: {
  db: Db;
  repo: QuestionsRepo;
  verifications: VerificationsService;
  now: () => Date;
}) {
  const { repo } = deps;

  /** The problem if the caller may read it; 404 when missing, 403 when another organisation's. */
  async function readable(actor: Member, problemId: string): Promise<ProblemHead> {
    const problem = await repo.findProblem(problemId);
    if (!problem) throw new AppError('resource.not_found', 'No such problem.');
    if (!can(actor, 'problem.read', problem.orgId ? { orgId: problem.orgId } : {}))
      throw new AppError('auth.forbidden', 'This problem belongs to another organisation.');
    return problem;
  }

  /** The problem if the caller may change it (an org problem that is not archived). */
  async function manageable(actor: Member, problemId: string): Promise<ProblemHead> {
    const problem = await readable(actor, problemId);
    if (!problem.orgId)
      throw new AppError(
        'auth.forbidden',
        'The public library is read-only; duplicate the problem into your organisation.',
      );
    if (!can(actor, 'problem.manage', { orgId: problem.orgId }))
      throw new AppError('auth.forbidden', 'Your role does not allow changing problems.');
    if (problem.status === 'archived') throw new AppError('problem.locked', 'This problem is archived.');
    return problem;
  }

  async function assertSlugFree(orgId: string | null, slug: string, exceptId?: string) {
    const taken = await repo.findBySlug(orgId, slug);
    if (taken && taken.id !== exceptId)
      throw new AppError('problem.slug_taken', `Another problem of this organisation already uses the slug "${slug}".`);
  }

  async function listedVersion(problem: ProblemHead) {
    const versionId = problem.currentVersionId ?? problem.draftVersionId;
    const loaded = versionId ? await repo.loadVersion(versionId) : null;
    if (!loaded) throw new AppError('resource.not_found', 'This problem has no content.');
    return loaded;
  }

  async function detail(actor: Member, problemId: string): Promise<ProblemDetail> {
    await refreshUsage(deps.db, problemId);
    const problem = await readable(actor, problemId);
    const listed = await listedVersion(problem);
    const draft = problem.draftVersionId ? await repo.loadVersion(problem.draftVersionId) : null;
    const versions = await repo.listVersions(problem.id);
    const verification = await deps.verifications.latest(problem.id);
    const mayManage =
      problem.orgId !== null && problem.status !== 'archived' && can(actor, 'problem.manage', { orgId: problem.orgId });
    const current = problem.currentVersionId ? versions.find((v) => v.id === problem.currentVersionId) : undefined;
    return {
      id: problem.id,
      slug: problem.slug,
      title: problem.title,
      difficulty: problem.difficulty,
      category: listed.package.category,
      tags: problem.tags,
      owner: { kind: problem.orgId ? 'org' : 'public', orgId: problem.orgId, orgName: problem.orgName },
      status: problem.status,
      currentVersion: current?.version ?? null,
      languages: problem.languages.map((l) => LanguageIdSchema.parse(l)),
      usage: usageOf(problem),
      updatedAt: iso(problem.updatedAt),
      currentVersionId: problem.currentVersionId,
      package: listed.package,
      draft: draft
        ? {
            versionId: draft.row.id,
            version: draft.row.version,
            package: draft.package,
            updatedAt: iso(draft.row.updatedAt),
          }
        : null,
      versions: versions.map((v) => ({
        id: v.id,
        version: v.version,
        createdAt: iso(v.createdAt),
        publishedAt: v.publishedAt ? iso(v.publishedAt) : null,
        createdBy: v.createdById ? { userId: v.createdById, name: v.createdByName ?? '' } : null,
      })),
      verification,
      createdAt: iso(problem.createdAt),
      can: {
        edit: mayManage,
        publish: mayManage && problem.draftVersionId !== null,
        archive: mayManage,
        duplicate: [...actor.orgRoles.keys()].some((orgId) => can(actor, 'problem.create', { orgId })),
      },
    };
  }

  async function create(actor: Member, orgId: string, pkg: ProblemPackage): Promise<ProblemDetail> {
    await assertSlugFree(orgId, pkg.slug);
    const id = await repo.createProblem({ orgId, pkg, createdBy: actor.userId, published: false, now: deps.now() });
    return detail(actor, id);
  }

  return {
    detail,
    create,

    async search(actor: Member, query: SearchQuery): Promise<ProblemList> {
      const scope = { orgIds: [...actor.orgRoles.keys()] };
      const rows = await searchProblems(deps.db, query, scope);
      const total = rows[0] ? Number(rows[0].total) : query.page > 1 ? await countProblems(deps.db, query, scope) : 0;
      return { items: rows.map(summaryFromSearch), total, page: query.page, pageSize: query.pageSize };
    },

    /** The listed version (the draft while it differs) as the candidate will see it. */
    async preview(actor: Member, problemId: string): Promise<CandidateProblemView> {
      const problem = await readable(actor, problemId);
      const versionId = problem.draftVersionId ?? problem.currentVersionId;
      const loaded = versionId ? await repo.loadVersion(versionId) : null;
      if (!loaded) throw new AppError('resource.not_found', 'This problem has no content.');
      return candidateView({ problemId, versionId: loaded.row.id, version: loaded.row.version }, loaded.package);
    },

    async updateDraft(actor: Member, problemId: string, pkg: ProblemPackage): Promise<ProblemDetail> {
      const problem = await manageable(actor, problemId);
      if (pkg.slug !== problem.slug) await assertSlugFree(problem.orgId, pkg.slug, problem.id);
      if (await deps.verifications.isRunning(problem.id))
        throw new AppError('problem.locked', 'The draft is being verified for publishing; wait for the result.');
      await repo.saveDraft({ problem, pkg, userId: actor.userId, now: deps.now() });
      return detail(actor, problemId);
    },

    async publish(actor: Member, problemId: string): Promise<{ verificationId: string }> {
      const problem = await manageable(actor, problemId);
      if (!problem.draftVersionId)
        throw new AppError('problem.not_publishable', 'There is no draft to publish: edit the problem first.');
      const draft = await repo.loadVersion(problem.draftVersionId);
      if (!draft) throw new AppError('resource.not_found', 'The draft is gone.');
      if (draft.package.slug !== problem.slug) await assertSlugFree(problem.orgId, draft.package.slug, problem.id);
      return { verificationId: await deps.verifications.start(actor, problem, draft) };
    },

    async archive(actor: Member, problemId: string): Promise<ProblemDetail> {
      await manageable(actor, problemId);
      await repo.setStatus(problemId, 'archived', deps.now());
      return detail(actor, problemId);
    },

    async duplicate(actor: Member, problemId: string, orgId: string): Promise<ProblemDetail> {
      const problem = await readable(actor, problemId);
      const { package: pkg } = await listedVersion(problem);
      let slug = pkg.slug;
      for (let n = 1; await repo.findBySlug(orgId, slug); n++)
        slug = `${pkg.slug.slice(0, 70)}-copy${n > 1 ? `-${n}` : ''}`;
      return create(actor, orgId, { ...pkg, slug });
    },

    async exportPackage(actor: Member, problemId: string, version?: number): Promise<ProblemPackage> {
      const problem = await readable(actor, problemId);
      if (version === undefined) return (await listedVersion(problem)).package;
      const versionId = await repo.findVersionByNumber(problemId, version);
      const loaded = versionId ? await repo.loadVersion(versionId) : null;
      if (!loaded) throw new AppError('resource.not_found', `This problem has no version ${version}.`);
      return loaded.package;
    },

    async version(actor: Member, versionId: string): Promise<ProblemVersion> {
      const loaded = await repo.loadVersion(versionId);
      if (!loaded) throw new AppError('resource.not_found', 'No such problem version.');
      await readable(actor, loaded.row.problemId);
      return {
        id: loaded.row.id,
        problemId: loaded.row.problemId,
        version: loaded.row.version,
        createdAt: iso(loaded.row.createdAt),
        publishedAt: loaded.row.publishedAt ? iso(loaded.row.publishedAt) : null,
        package: loaded.package,
      };
    },

    /**
     * A version as the candidate sees it, for the room (no access check here:
     * the room decides who is in it). Null when the version does not exist.
     */
    async candidateVersion(versionId: string): Promise<CandidateProblemView | null> {
      const loaded = await repo.loadVersion(versionId);
      if (!loaded) return null;
      return candidateView(
        { problemId: loaded.row.problemId, versionId: loaded.row.id, version: loaded.row.version },
        loaded.package,
      );
    },

    readable,
  };
}
