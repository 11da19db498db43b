/**
 * `npm run bench -- search`: p50/p99 latency of the question bank's library
 * search (the same repo function GET /api/v1/problems calls) over 10,000
 * generated public problems, on embedded PGlite and on PostgreSQL. See
 * bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ProblemSearchQuerySchema } from '@interviewselect/contracts';
import { createDatabase, createMemoryDatabase, type Database } from '../apps/server/src/platform/db.js';
import { applyMigrations } from '../apps/server/src/platform/migrations.js';
import { searchProblems } from '../apps/server/src/modules/questions/questions-search.repo.js';
import { machineInfo } from './lib/machine-info.js';
import { fmt, print, progress, table, writeResult } from './lib/report.js';
import { summarize, type Summary } from './lib/stats.js';

const NAME = 'search';
const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

/** The query mix: fuzzy text (with typos), filters and every sort. */
const QUERIES: Record<string, string>[] = [
  { q: 'two sum' },
  { q: 'tow sum' },
  { q: 'shortest path graph' },
  { q: 'binary serach tree' },
  { q: 'interval', difficulty: 'medium' },
  { tags: 'graphs,bfs', sort: 'popularity' },
  { category: 'coding', language: 'python', sort: 'newest' },
  { sort: 'difficulty', page: '3' },
  { q: 'matrix', sort: 'popularity' },
  { difficulty: 'hard', tags: 'dynamic-programming' },
];

/** 10,000 plausible problems in one INSERT … SELECT (words recombined, tags from the topic list). */
async function generate(database: Database): Promise<void> {
  await database.db.execute(sql`
    with words as (
      select array['Two','Sum','Shortest','Path','Binary','Search','Tree','Interval','Merge','Matrix','Graph',
        'Window','Stack','Queue','Heap','Prefix','Array','String','Palindrome','Anagram','Island','Course',
        'Schedule','Cache','Rotate','Spiral','Coins','Ladder','Median','Stream'] as w,
      array['arrays','strings','hashing','graphs','bfs','dfs','dynamic-programming','trees','heaps','greedy',
        'sorting','binary-search','intervals','math','stacks'] as t
    ),
    gen as (
      select i,
        w[1 + (i * 7) % 30] || ' ' || w[1 + (i * 13) % 30] || ' ' || w[1 + (i * 17) % 30] || ' ' || i as title,
        array[t[1 + i % 15], t[1 + (i * 3) % 15]] as tags,
        (array['easy','medium','hard'])[1 + i % 3] as difficulty
      from generate_series(1, ${PROBLEMS}) as i, words
    )
    insert into problems (id, org_id, slug, status, title, difficulty, category, tags, languages, search_title,
      search_document, times_used, created_at, updated_at)
    select gen_random_uuid(), null, 'bench-' || i, 'published', title, difficulty, 'coding', tags,
      case when i % 4 = 0 then array['python','java'] else array['python','javascript','java','cpp'] end,
      lower(title || ' ' || array_to_string(tags, ' ')),
      setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', array_to_string(tags, ' ')), 'B')
        || setweight(to_tsvector('english', 'Given an input, compute the answer for ' || title || '. Explain the complexity of your approach.'), 'C'),
      (i * 31) % 500, now() - (i || ' minutes')::interval, now()
    from gen`);
  await database.db.execute(sql`analyze problems`);
}

async function measure(database: Database): Promise<Summary & { perQuery: Record<string, number> }> {
  const samples: number[] = [];
  const perQuery: Record<string, number[]> = {};
  const queries = QUERIES.map((q) => ({
    key: new URLSearchParams(q).toString(),
    query: ProblemSearchQuerySchema.parse(q),
  }));
  for (const { query } of queries) await searchProblems(database.db, query, { orgIds: [] }); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const { key, query } of queries) {
      const started = performance.now();
      await searchProblems(database.db, query, { orgIds: [] });
      const ms = performance.now() - started;
      samples.push(ms);
      (perQuery[key] ??= []).push(ms);
    }
  }
  const medians = Object.fromEntries(Object.entries(perQuery).map(([k, v]) => [k, summarize(v).median]));
  return { ...summarize(samples), perQuery: medians };
}

async function postgres(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `isel_bench_search_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ kind: 'postgres', url: url.toString(), poolMax: 4 });
  return {
    database,
    async drop() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

const results: Record<string, unknown> = {};
const rows: (string | number | null)[][] = [];
for (const backend of ['pglite', 'postgres'] as const) {
  progress(`${backend}: migrating and generating ${PROBLEMS} problems`);
  const target =
    backend === 'pglite' ? { database: await createMemoryDatabase(), drop: async () => undefined } : await postgres();
  const { database } = target;
  try {
    await applyMigrations(database);
    await generate(database);
    progress(`${backend}: ${ROUNDS} rounds of ${QUERIES.length} searches`);
    const summary = await measure(database);
    results[backend] = summary;
    rows.push([
      backend,
      summary.count,
      fmt(summary.median, 2),
      fmt(summary.p95, 2),
      fmt(summary.p99, 2),
      fmt(summary.max, 2),
    ]);
  } finally {
    if (backend === 'pglite') await database.close();
    await target.drop();
  }
}

print(
  table(
    [
      { header: 'backend' },
      { header: 'searches', align: 'right' },
      { header: 'p50 ms', align: 'right' },
      { header: 'p95 ms', align: 'right' },
      { header: 'p99 ms', align: 'right' },
      { header: 'max ms', align: 'right' },
    ],
    rows,
  ),
);
const file = writeResult(NAME, {
  name: NAME,
  at: new Date().toISOString(),
  machine: machineInfo(),
  problems: PROBLEMS,
  rounds: ROUNDS,
  queries: QUERIES,
  results,
});
print(`wrote ${file}`);
