import type {
  ScorecardTemplateDetail,
  ScorecardTemplateInputSchema,
  ScorecardTemplateList,
  ScorecardTemplateSummary,
  ScorecardTemplateVersion,
} from '@interviewselect/contracts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { RequestMeta } from '../auth/sessions.service.js';
import { can, type Action } from '../policy/policy.js';
import { BUILT_IN_KEY, BUILT_IN_TEMPLATE } from './default-template.js';
import type { ScorecardTemplatesRepo, TemplateWithCurrent, VersionWithAuthor } from './scorecard-templates.repo.js';

export type ScorecardTemplatesService = ReturnType<typeof createScorecardTemplatesService>;
export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
type TemplateInput = z.output<typeof ScorecardTemplateInputSchema>;

/** A template version as the API shows it. */
export function toTemplateVersion(v: VersionWithAuthor): ScorecardTemplateVersion {
  return {
    id: v.id,
    templateId: v.templateId,
    version: v.version,
    name: v.name,
    description: v.description,
    competencies: v.competencies,
    createdBy: { userId: v.createdBy, name: v.createdByName ?? (v.createdBy ? 'Deleted user' : 'InterviewSelect') },
    createdAt: v.createdAt.toISOString(),
  };
}

function toSummary({ template, current, scorecardCount }: TemplateWithCurrent): ScorecardTemplateSummary {
  return {
    id: template.id,
    orgId: template.orgId,
    name: current.name,
    description: current.description,
    status: template.status,
    isDefault: template.isDefault,
    builtIn: template.builtinKey !== null,
    currentVersion: current.version,
    competencyCount: current.competencies.length,
    scorecardCount,
    updatedAt: template.updatedAt.toISOString(),
  };
}

/**
 * Scorecard templates of an organisation: the built-in default seeded on
 * first use, versions that never change once written (editing adds one),
 * archive/restore and the org's default (the one new scorecards use).
 */
export function createScorecardTemplatesService(deps: {
  repo: ScorecardTemplatesRepo;
  audit: AuditService;
  now: () => Date;
}) {
  const { repo, audit, now } = deps;

  /** Gives an organisation without any template the built-in default. */
  async function ensureSeeded(orgId: string): Promise<void> {
    if (!(await repo.hasAny(orgId))) await repo.seedBuiltIn(orgId, BUILT_IN_KEY, BUILT_IN_TEMPLATE);
  }

  async function loadFor(actor: UserPrincipal, templateId: string, action: Action): Promise<TemplateWithCurrent> {
    const found = await repo.find(templateId);
    if (!found) throw new AppError('resource.not_found', 'No such scorecard template.');
    if (!can(actor, action, { orgId: found.template.orgId })) {
      throw new AppError('auth.forbidden', 'Only owners and admins of the organisation manage scorecard templates.');
    }
    return found;
  }

  async function record(actor: UserPrincipal, action: string, t: TemplateWithCurrent, meta: RequestMeta, data = {}) {
    await audit.record({
      action,
      actorUserId: actor.userId,
      orgId: t.template.orgId,
      targetType: 'scorecard_template',
      targetId: t.template.id,
      data,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  }

  async function detail(actor: UserPrincipal, templateId: string): Promise<ScorecardTemplateDetail> {
    const found = await loadFor(actor, templateId, 'scorecard.template.read');
    const versions = await repo.versions(templateId);
    return {
      ...toSummary(found),
      current: toTemplateVersion(found.current),
      versions: versions.map((v) => {
        const { id, version, createdBy, createdAt } = toTemplateVersion(v);
        return { id, version, createdBy, createdAt };
      }),
      can: { manage: can(actor, 'scorecard.template.manage', { orgId: found.template.orgId }) },
    };
  }

  return {
    ensureSeeded,

    async list(actor: UserPrincipal, orgId: string): Promise<ScorecardTemplateList> {
      await ensureSeeded(orgId);
      const rows = await repo.listForOrg(orgId);
      return { items: rows.map(toSummary), can: { manage: can(actor, 'scorecard.template.manage', { orgId }) } };
    },

    get: detail,

    async version(actor: UserPrincipal, templateId: string, version: number): Promise<ScorecardTemplateVersion> {
      await loadFor(actor, templateId, 'scorecard.template.read');
      const found = (await repo.versions(templateId)).find((v) => v.version === version);
      if (!found) throw new AppError('resource.not_found', `This template has no version ${version}.`);
      return toTemplateVersion(found);
    },

    async create(actor: UserPrincipal, orgId: string, input: TemplateInput, meta: RequestMeta) {
      await ensureSeeded(orgId);
      const id = await repo.create(orgId, input, actor.userId);
      const created = (await repo.find(id)) as TemplateWithCurrent;
      await record(actor, 'scorecard_template.created', created, meta, { version: 1 });
      return detail(actor, id);
    },

    async update(
      actor: UserPrincipal,
      templateId: string,
      baseVersion: number,
      input: TemplateInput,
      meta: RequestMeta,
    ) {
      const found = await loadFor(actor, templateId, 'scorecard.template.manage');
      if (found.template.status === 'archived')
        throw new AppError('resource.conflict', 'This template is archived. Restore it before editing.');
      const added = await repo.addVersion(templateId, baseVersion, input, actor.userId);
      if (!added) {
        throw new AppError(
          'resource.conflict',
          `Someone saved a newer version of this template (you edited version ${baseVersion}). Reload it and make your change again.`,
        );
      }
      await record(actor, 'scorecard_template.versioned', found, meta, { version: added.version });
      return detail(actor, templateId);
    },

    async setStatus(actor: UserPrincipal, templateId: string, status: 'active' | 'archived', meta: RequestMeta) {
      const found = await loadFor(actor, templateId, 'scorecard.template.manage');
      if (status === 'archived' && found.template.isDefault)
        throw new AppError(
          'resource.conflict',
          'This is the default template. Make another template the default first.',
        );
      await repo.setStatus(templateId, status, now());
      await record(
        actor,
        status === 'archived' ? 'scorecard_template.archived' : 'scorecard_template.restored',
        found,
        meta,
      );
      return detail(actor, templateId);
    },

    async setDefault(actor: UserPrincipal, templateId: string, meta: RequestMeta) {
      const found = await loadFor(actor, templateId, 'scorecard.template.manage');
      if (found.template.status === 'archived')
        throw new AppError('resource.conflict', 'An archived template cannot be the default. Restore it first.');
      await repo.setDefault(found.template.orgId, templateId, now());
      await record(actor, 'scorecard_template.default_set', found, meta);
      return detail(actor, templateId);
    },

    /**
     * The version a new scorecard of this org uses: the current version of the
     * requested template (active, same org) or of the org's default.
     */
    async versionForNewScorecard(orgId: string, templateId?: string): Promise<VersionWithAuthor> {
      await ensureSeeded(orgId);
      const found = templateId ? await repo.find(templateId) : await repo.findDefault(orgId);
      if (!found || found.template.orgId !== orgId || found.template.status !== 'active') {
        throw new AppError('request.validation_failed', 'Pick an active scorecard template of this organisation.', [
          { path: 'body.templateId', message: 'Not an active template of this organisation.' },
        ]);
      }
      return found.current;
    },

    async versionById(id: string): Promise<VersionWithAuthor> {
      const found = await repo.versionById(id);
      if (!found) throw new Error(`template version ${id} is missing`);
      return found;
    },
  };
}
