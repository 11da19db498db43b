import type { Db } from '../../platform/db.js';
import { orgMembers, orgs, type OrgMemberRow, type OrgRow } from './orgs.tables.js';

export type OrgsRepo = ReturnType<typeof createOrgsRepo>;

export function createOrgsRepo(db: Db) {
  return {
    async insert(values: typeof orgs.$inferInsert): Promise<OrgRow> {
      const [row] = await db.insert(orgs).values(values).returning();
      if (!row) throw new Error('org insert returned no row');
      return row;
    },
    async addMember(values: typeof orgMembers.$inferInsert): Promise<OrgMemberRow> {
      const [row] = await db.insert(orgMembers).values(values).returning();
      if (!row) throw new Error('org member insert returned no row');
      return row;
    },
  };
}
