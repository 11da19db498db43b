import type { OrgSettings } from '@interviewselect/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { orgs } from './orgs.tables.js';

export type OrgSettingsRepo = ReturnType<typeof createOrgSettingsRepo>;

/** The organisation-wide settings kept on the orgs row. */
export function createOrgSettingsRepo(db: Db) {
  return {
    async get(orgId: string): Promise<OrgSettings | null> {
      const [row] = await db
        .select({ recordingRetentionDays: orgs.recordingRetentionDays })
        .from(orgs)
        .where(eq(orgs.id, orgId));
      return row ?? null;
    },
    async update(orgId: string, patch: Partial<OrgSettings>): Promise<OrgSettings | null> {
      const [row] = await db
        .update(orgs)
        .set(patch)
        .where(eq(orgs.id, orgId))
        .returning({ recordingRetentionDays: orgs.recordingRetentionDays });
      return row ?? null;
    },
  };
}
