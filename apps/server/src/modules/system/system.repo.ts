import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db.js';

export type SystemRepo = ReturnType<typeof createSystemRepo>;

export function createSystemRepo(db: Db) {
  return {
    /** Row counts shown on the deployment card; one round trip. */
    async countEntities(): Promise<{ users: number; orgs: number }> {
      const [row] = await queryRows<{ users: number; orgs: number }>(
        db,
        sql`select (select count(*)::int from users) as users, (select count(*)::int from orgs) as orgs`,
      );
      return { users: row?.users ?? 0, orgs: row?.orgs ?? 0 };
    },
  };
}
