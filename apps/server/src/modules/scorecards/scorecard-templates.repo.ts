import type { Competency, TemplateStatus } from '@interviewselect/contracts';
import { and, asc, count, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { users } from '../users/users.tables.js';
import { scorecards, scorecardTemplates, scorecardTemplateVersions } from './scorecards.tables.js';

export type ScorecardTemplatesRepo = ReturnType<typeof createScorecardTemplatesRepo>;
export type TemplateRow = typeof scorecardTemplates.$inferSelect;
export type TemplateVersionRow = typeof scorecardTemplateVersions.$inferSelect;
export type VersionWithAuthor = TemplateVersionRow & { createdByName: string | null };

/** A template's content, as one version stores it. */
export interface TemplateDefinition {
  name: string;
  description: string;
  competencies: Competency[];
}

export interface TemplateWithCurrent {
  template: TemplateRow;
  current: VersionWithAuthor;
  scorecardCount: number;
}

const versionColumns = { version: scorecardTemplateVersions, createdByName: users.name };

export function createScorecardTemplatesRepo(db: Db) {
  type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

  async function insertVersion(
    tx: Tx,
    templateId: string,
    version: number,
    def: TemplateDefinition,
    by: string | null,
  ) {
    const [row] = await tx
      .insert(scorecardTemplateVersions)
      .values({ templateId, version, ...def, createdBy: by })
      .returning();
    if (!row) throw new Error('template version insert returned no row');
    await tx
      .update(scorecardTemplates)
      .set({ currentVersionId: row.id, updatedAt: row.createdAt })
      .where(eq(scorecardTemplates.id, templateId));
    return row;
  }

  /** Templates with their current version and how many scorecards used any version of them. */
  async function withCurrent(where: ReturnType<typeof eq>): Promise<TemplateWithCurrent[]> {
    const used = db
      .select({ templateId: scorecardTemplateVersions.templateId, n: count(scorecards.id).as('n') })
      .from(scorecards)
      .innerJoin(scorecardTemplateVersions, eq(scorecardTemplateVersions.id, scorecards.templateVersionId))
      .groupBy(scorecardTemplateVersions.templateId)
      .as('used');
    const rows = await db
      .select({ template: scorecardTemplates, ...versionColumns, n: used.n })
      .from(scorecardTemplates)
      .innerJoin(scorecardTemplateVersions, eq(scorecardTemplateVersions.id, scorecardTemplates.currentVersionId))
      .leftJoin(users, eq(users.id, scorecardTemplateVersions.createdBy))
      .leftJoin(used, eq(used.templateId, scorecardTemplates.id))
      .where(where)
      .orderBy(desc(scorecardTemplates.isDefault), asc(scorecardTemplateVersions.name));
    return rows.map((r) => ({
      template: r.template,
      current: { ...r.version, createdByName: r.createdByName },
      scorecardCount: Number(r.n ?? 0),
    }));
  }

  return {
    async hasAny(orgId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: scorecardTemplates.id })
        .from(scorecardTemplates)
        .where(eq(scorecardTemplates.orgId, orgId))
        .limit(1);
      return row !== undefined;
    },

    /**
     * Inserts the built-in template as the org's default, once: concurrent first
     * uses race on the unique (org, builtin_key) and default indexes; the losers insert nothing.
     */
    async seedBuiltIn(orgId: string, key: string, def: TemplateDefinition): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(scorecardTemplates)
          .values({ orgId, builtinKey: key, isDefault: true })
          .onConflictDoNothing()
          .returning();
        if (row) await insertVersion(tx, row.id, 1, def, null);
      });
    },

    listForOrg: (orgId: string) => withCurrent(eq(scorecardTemplates.orgId, orgId)),

    async find(templateId: string): Promise<TemplateWithCurrent | null> {
      return (await withCurrent(eq(scorecardTemplates.id, templateId)))[0] ?? null;
    },

    async findDefault(orgId: string): Promise<TemplateWithCurrent | null> {
      const rows = await withCurrent(and(eq(scorecardTemplates.orgId, orgId), eq(scorecardTemplates.isDefault, true))!);
      return rows[0] ?? null;
    },

    async versions(templateId: string): Promise<VersionWithAuthor[]> {
      const rows = await db
        .select(versionColumns)
        .from(scorecardTemplateVersions)
        .leftJoin(users, eq(users.id, scorecardTemplateVersions.createdBy))
        .where(eq(scorecardTemplateVersions.templateId, templateId))
        .orderBy(desc(scorecardTemplateVersions.version));
      return rows.map((r) => ({ ...r.version, createdByName: r.createdByName }));
    },

    async versionById(id: string): Promise<VersionWithAuthor | null> {
      const [row] = await db
        .select(versionColumns)
        .from(scorecardTemplateVersions)
        .leftJoin(users, eq(users.id, scorecardTemplateVersions.createdBy))
        .where(eq(scorecardTemplateVersions.id, id))
        .limit(1);
      return row ? { ...row.version, createdByName: row.createdByName } : null;
    },

    async create(orgId: string, def: TemplateDefinition, by: string): Promise<string> {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(scorecardTemplates).values({ orgId, createdBy: by }).returning();
        if (!row) throw new Error('template insert returned no row');
        await insertVersion(tx, row.id, 1, def, by);
        return row.id;
      });
    },

    /** Adds the next version when the latest is still `baseVersion`; null when someone saved another meanwhile. */
    async addVersion(templateId: string, baseVersion: number, def: TemplateDefinition, by: string) {
      return db.transaction(async (tx) => {
        await tx
          .select({ id: scorecardTemplates.id })
          .from(scorecardTemplates)
          .where(eq(scorecardTemplates.id, templateId))
          .for('update');
        const [latest] = await tx
          .select({ v: max(scorecardTemplateVersions.version) })
          .from(scorecardTemplateVersions)
          .where(eq(scorecardTemplateVersions.templateId, templateId));
        if ((latest?.v ?? 0) !== baseVersion) return null;
        return insertVersion(tx, templateId, baseVersion + 1, def, by);
      });
    },

    async setStatus(templateId: string, status: TemplateStatus, at: Date): Promise<void> {
      await db.update(scorecardTemplates).set({ status, updatedAt: at }).where(eq(scorecardTemplates.id, templateId));
    },

    /** Makes one template the org's default (the previous default stops being it) in one transaction. */
    async setDefault(orgId: string, templateId: string, at: Date): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(scorecardTemplates)
          .set({ isDefault: false })
          .where(and(eq(scorecardTemplates.orgId, orgId), eq(scorecardTemplates.isDefault, true)));
        await tx
          .update(scorecardTemplates)
          .set({ isDefault: true, updatedAt: at })
          .where(eq(scorecardTemplates.id, templateId));
      });
    },
  };
}
