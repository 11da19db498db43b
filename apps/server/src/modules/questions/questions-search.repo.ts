import type { ProblemSearchQuerySchema } from '@interviewselect/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { queryRows } from '../../platform/db.js';

export type SearchQuery = z.output<typeof ProblemSearchQuerySchema>;

/** Which owners the caller may see: the public library and these organisations. */
export interface SearchScope {
  orgIds: readonly string[];
}

export interface SearchRow {
  id: string;
  slug: string;
  title: string;
  difficulty: 'easy' | 'medium' | 'hard';
  category: string;
  tags: string[];
  languages: string[];
  org_id: string | null;
  org_name: string | null;
  status: 'draft' | 'published' | 'archived';
  current_version: number | null;
  current_version_id: string | null;
  times_used: number;
  submit_count: number;
  accepted_count: number;
  avg_solve_minutes: number | null;
  updated_at: Date | string;
  total: string | number;
}

/**
 * Typo tolerance: a word-similarity of 0.4 lets "tow sum" find "Two Sum"
 * (about 0.45) while unrelated titles stay out; set per transaction so the
 * `<%` operator can still use the trigram index.
 */
const WORD_SIMILARITY_THRESHOLD = '0.4';

const uuidArray = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]::uuid[]`;
const textArray = (items: readonly string[]) =>
  sql`array[${sql.join(
    items.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;

function ownerCondition(query: SearchQuery, scope: SearchScope): SQL {
  const orgIds = query.orgId ? [query.orgId] : scope.orgIds;
  const inOrgs = orgIds.length > 0 ? sql`p.org_id = any(${uuidArray(orgIds)})` : sql`false`;
  if (query.owner === 'public') return sql`p.org_id is null`;
  if (query.owner === 'org') return inOrgs;
  return sql`(p.org_id is null or ${inOrgs})`;
}

function statusCondition(query: SearchQuery): SQL {
  if (query.status) return sql`p.status = ${query.status}`;
  return sql`((p.org_id is null and p.status = 'published') or (p.org_id is not null and p.status <> 'archived'))`;
}

function orderBy(query: SearchQuery, hasText: boolean): SQL {
  const sort = query.sort ?? (hasText ? 'relevance' : 'newest');
  switch (sort) {
    case 'relevance':
      return hasText ? sql`rank desc, p.times_used desc, p.id` : sql`p.times_used desc, p.id`;
    case 'popularity':
      return sql`p.times_used desc, p.title, p.id`;
    case 'newest':
      return sql`p.created_at desc, p.id desc`;
    case 'difficulty':
      return sql`case p.difficulty when 'easy' then 1 when 'medium' then 2 else 3 end, p.title, p.id`;
  }
}

/** Search over the problems' listed columns: full text or trigram match, filters, sort, one page. */
export async function searchProblems(db: Db, query: SearchQuery, scope: SearchScope): Promise<SearchRow[]> {
  const text = query.q?.trim().toLowerCase() ?? '';
  const hasText = text.length > 0;
  const conditions: SQL[] = [ownerCondition(query, scope), statusCondition(query)];
  if (query.difficulty) conditions.push(sql`p.difficulty = ${query.difficulty}`);
  if (query.category) conditions.push(sql`p.category = ${query.category}`);
  if (query.language) conditions.push(sql`p.languages @> ${textArray([query.language])}`);
  const tags = (query.tags ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (tags.length > 0) conditions.push(sql`p.tags @> ${textArray(tags)}`);
  const tsquery = sql`websearch_to_tsquery('english', ${text})`;
  if (hasText) {
    conditions.push(sql`(p.search_document @@ ${tsquery} or ${text} <% p.search_title or p.search_title % ${text})`);
  }
  const rank = hasText
    ? sql`ts_rank(p.search_document, ${tsquery}) + word_similarity(${text}, p.search_title) + similarity(lower(p.title), ${text})`
    : sql`0`;
  const statement = sql`
    select p.id, p.slug, p.title, p.difficulty, p.category, p.tags, p.languages, p.org_id, o.name as org_name,
      p.status, v.version as current_version, p.current_version_id, p.times_used, p.submit_count, p.accepted_count,
      p.avg_solve_minutes, p.updated_at, ${rank} as rank, count(*) over () as total
    from problems p
    left join orgs o on o.id = p.org_id
    left join problem_versions v on v.id = p.current_version_id
    where ${sql.join(conditions, sql` and `)}
    order by ${orderBy(query, hasText)}
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`;
  if (!hasText) return queryRows<SearchRow>(db, statement);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY_THRESHOLD}, true)`);
    return queryRows<SearchRow>(tx, statement);
  });
}

/** Counts matches when the requested page is past the end (no row carried the total). */
export async function countProblems(db: Db, query: SearchQuery, scope: SearchScope): Promise<number> {
  const rows = await searchProblems(db, { ...query, page: 1, pageSize: 1 }, scope);
  return Number(rows[0]?.total ?? 0);
}
