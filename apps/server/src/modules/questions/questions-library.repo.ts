import { desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { problemVersions, problems } from './questions.tables.js';

export type LibraryRepo = ReturnType<typeof createLibraryRepo>;

export interface LibraryProblem {
  /** An object per problem, so the seed can give a problem it creates its id later. */
  problem: { id: string | null };
  /** The latest version's content hash (null: the problem has no version). */
  hash: string | null;
}

/** The library seed's reads: what the public library holds, in one query rather than two per file. */
export function createLibraryRepo(db: Db) {
  return {
    /** Every public problem (org_id null) by slug, with its latest version's content hash. */
    async latestPublicHashes(): Promise<Map<string, LibraryProblem>> {
      const rows = await db
        .selectDistinctOn([problems.slug], { id: problems.id, slug: problems.slug, hash: problemVersions.contentHash })
        .from(problems)
        .leftJoin(problemVersions, eq(problemVersions.problemId, problems.id))
        .where(isNull(problems.orgId))
        .orderBy(problems.slug, desc(problemVersions.version));
      return new Map(rows.map((r) => [r.slug, { problem: { id: r.id }, hash: r.hash }]));
    },
  };
}
