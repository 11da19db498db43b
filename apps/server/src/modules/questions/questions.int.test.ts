import {
  CandidateProblemViewSchema,
  ExecutionCreatedSchema,
  ExecutionSchema,
  ProblemDetailSchema,
  ProblemListSchema,
  ProblemPackageSchema,
  ProblemSchema,
  PublishResultSchema,
  VerificationSchema,
  type ProblemPackageInput,
} from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEngine } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { createOrgWithMembers, signedInUser, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createPgQueue } from '../../platform/queue/pg-queue.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import type { ExecutionEngine } from '../executions/execution-engine.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A small coding problem: sum two numbers, with Python and Bash references. */
function sumPackage(over: Partial<ProblemPackageInput> = {}): ProblemPackageInput {
  return {
    format: 'interviewselect.problem/v1',
    slug: 'add-two',
    title: 'Add Two Numbers Fast',
    difficulty: 'easy',
    category: 'coding',
    tags: ['math'],
    statement: 'Read two integers and print their sum.',
    tests: [
      { name: 'small', input: '1 2\n', expectedOutput: '3\n' },
      { name: 'zero', input: '0 0\n', expectedOutput: '0\n' },
      { name: 'negative', input: '-5 2\n', expectedOutput: '-3\n', hidden: true },
    ],
    starterCode: { python: 'a, b = map(int, input().split())\n' },
    referenceSolutions: {
      python: 'a, b = map(int, input().split())\nprint(a + b)\n',
      bash: 'read a b\necho $((a + b))\n',
    },
    ...over,
  };
}

describe('question bank', () => {
  let database: TestDatabase;
  let engine: ExecutionEngine;
  let queue: JobQueue;
  let app: FastifyInstance;
  let ivy: SignedIn;
  let stranger: SignedIn;
  let loner: SignedIn;
  let orgId: string;
  let otherOrgId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    engine = await createTestEngine();
    queue = createPgQueue({ db: database.db, logger: quiet, pollIntervalMs: 20 });
    app = await createTestApp(
      database,
      { RUNNER_LANGUAGES: 'python,bash', RUNNER_RATE_PER_MINUTE: '1000' },
      { engine, queue },
    );
    await queue.start();
    ivy = await signedInUser(app, database.db, { name: 'Ivy Interviewer' });
    stranger = await signedInUser(app, database.db, { name: 'Other Org' });
    loner = await signedInUser(app, database.db, { name: 'No Org' });
    orgId = (await createOrgWithMembers(database.db, { [ivy.user.id]: 'interviewer' }, 'Bank Org')).id;
    otherOrgId = (await createOrgWithMembers(database.db, { [stranger.user.id]: 'interviewer' }, 'Other Org')).id;
  });

  afterAll(async () => {
    await app.close();
    await queue.stop();
    await engine.close();
    await database.close();
  });

  const create = async (pkg: ProblemPackageInput, who = ivy, org = orgId) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/problems',
      headers: who.headers,
      payload: { orgId: org, package: pkg },
    });
    expect(res.statusCode, res.body).toBe(201);
    return ProblemDetailSchema.parse(res.json());
  };
  const putDraft = (id: string, pkg: ProblemPackageInput) =>
    app.inject({ method: 'PUT', url: `/api/v1/problems/${id}/draft`, headers: ivy.headers, payload: { package: pkg } });
  const get = async (id: string) =>
    ProblemDetailSchema.parse((await app.inject({ url: `/api/v1/problems/${id}`, headers: ivy.headers })).json());
  const publish = async (id: string) => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/problems/${id}/publish`, headers: ivy.headers });
    expect(res.statusCode, res.body).toBe(202);
    const { verificationId } = PublishResultSchema.parse(res.json());
    return eventually(
      async () => {
        const v = await app.inject({
          url: `/api/v1/problems/${id}/verifications/${verificationId}`,
          headers: ivy.headers,
        });
        const verification = VerificationSchema.parse(v.json());
        expect(verification.status).not.toBe('running');
        return verification;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  };
  const search = async (query: string, who = ivy) => {
    const res = await app.inject({ url: `/api/v1/problems?${query}`, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return ProblemListSchema.parse(res.json());
  };

  it('creates a draft, edits it, publishes it after every reference passes every test', async () => {
    const created = await create(sumPackage());
    expect(created).toMatchObject({ status: 'draft', currentVersion: null, owner: { kind: 'org', orgId } });
    expect(created.draft?.version).toBe(1);

    const edited = await putDraft(created.id, sumPackage({ title: 'Add Two Numbers' }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(ProblemDetailSchema.parse(edited.json()).draft?.package.title).toBe('Add Two Numbers');

    const verification = await publish(created.id);
    expect(verification.status, JSON.stringify(verification)).toBe('passed');
    expect(verification.results.map((r) => [r.language, r.passed, r.total])).toEqual([
      ['bash', 3, 3],
      ['python', 3, 3],
    ]);
    const detail = await get(created.id);
    expect(detail).toMatchObject({ status: 'published', currentVersion: 1, draft: null, title: 'Add Two Numbers' });
    expect(detail.versions[0]?.publishedAt).not.toBeNull();
    // Verification runs do not count as usage.
    expect(detail.usage).toEqual({ timesUsed: 0, passRate: null, avgSolveMinutes: null });
  });

  it('refuses to publish when a reference fails, naming the language and the case', async () => {
    const created = await create(
      sumPackage({
        slug: 'add-two-broken',
        referenceSolutions: {
          python: 'a, b = map(int, input().split())\nprint(a + b)\n',
          bash: 'read a b\necho $((a - b))\n',
        },
      }),
    );
    const verification = await publish(created.id);
    expect(verification.status).toBe('failed');
    const bash = verification.results.find((r) => r.language === 'bash');
    expect(bash).toMatchObject({ passed: 1, total: 3 });
    expect(bash?.failures.map((f) => [f.testIndex, f.testName, f.verdict])).toEqual([
      [0, 'small', 'wrong_answer'],
      [2, 'negative', 'wrong_answer'],
    ]);
    expect((await get(created.id)).status).toBe('draft');
  });

  it('needs tests and a reference to publish a coding problem; behavioural ones publish at once', async () => {
    const bare = await create(sumPackage({ slug: 'no-tests', tests: [] }));
    const res = await app.inject({ method: 'POST', url: `/api/v1/problems/${bare.id}/publish`, headers: ivy.headers });
    expect(res.statusCode).toBe(422);
    expect(ProblemSchema.parse(res.json()).code).toBe('problem.not_publishable');

    const talk = await create({
      format: 'interviewselect.problem/v1',
      slug: 'conflict-story',
      title: 'A disagreement you resolved',
      difficulty: 'medium',
      category: 'behavioural',
      statement: 'Tell me about a time you disagreed with a teammate.',
      interviewerGuide: { guidance: 'Look for ownership.', rubric: [{ level: 'strong', description: 'STAR' }] },
    });
    expect((await publish(talk.id)).status).toBe('passed');
    expect((await get(talk.id)).status).toBe('published');
  });

  it('editing a published problem makes version 2; version 1 and what points at it never change', async () => {
    const created = await create(sumPackage({ slug: 'versioned' }));
    expect((await publish(created.id)).status).toBe('passed');
    const v1 = (await get(created.id)).currentVersionId ?? '';

    const run = await app.inject({
      method: 'POST',
      url: '/api/v1/executions',
      headers: ivy.headers,
      payload: {
        language: 'python',
        mode: 'submit',
        problemVersionId: v1,
        source: 'a, b = map(int, input().split())\nprint(a + b)\n',
      },
    });
    expect(run.statusCode, run.body).toBe(202);
    const { id: executionId } = ExecutionCreatedSchema.parse(run.json());
    const execution = await eventually(
      async () => {
        const e = ExecutionSchema.parse(
          (await app.inject({ url: `/api/v1/executions/${executionId}`, headers: ivy.headers })).json(),
        );
        expect(e.status).toBe('completed');
        return e;
      },
      { timeoutMs: 20_000 },
    );
    expect(execution.verdict).toBe('accepted');
    // The hidden test ran, but its data stays out of the execution's view.
    const hidden = execution.tests.find((t) => t.hidden);
    expect(hidden).toMatchObject({ ordinal: 2, verdict: 'accepted', input: null, expectedOutput: null });

    const edit = await putDraft(created.id, sumPackage({ slug: 'versioned', title: 'Sum of two' }));
    const detail = ProblemDetailSchema.parse(edit.json());
    expect(detail.draft?.version).toBe(2);
    expect(detail.currentVersion).toBe(1);
    expect(detail.package.title).toBe('Add Two Numbers Fast');

    const version1 = await app.inject({ url: `/api/v1/problem-versions/${v1}`, headers: ivy.headers });
    expect(version1.json()).toMatchObject({ version: 1, package: { title: 'Add Two Numbers Fast' } });
    expect(
      ExecutionSchema.parse(
        (await app.inject({ url: `/api/v1/executions/${executionId}`, headers: ivy.headers })).json(),
      ).problemVersionId,
    ).toBe(v1);
    // The database itself refuses to change a published version.
    await expect(
      database.db.execute(sql`update problem_versions set title = 'x' where id = ${v1}::uuid`),
    ).rejects.toThrow();

    expect((await publish(created.id)).status).toBe('passed');
    const after = await get(created.id);
    expect(after).toMatchObject({ currentVersion: 2, title: 'Sum of two' });
    expect(after.usage.timesUsed).toBe(1);
    expect(after.usage.passRate).toBe(1);
    const exported = await app.inject({ url: `/api/v1/problems/${created.id}/export?version=1`, headers: ivy.headers });
    expect(exported.json()).toMatchObject({ title: 'Add Two Numbers Fast' });
  });

  it('previews as the candidate sees it: no hidden tests, references or guide', async () => {
    const created = await create(sumPackage({ slug: 'previewed' }));
    const res = await app.inject({ url: `/api/v1/problems/${created.id}/preview`, headers: ivy.headers });
    const view = CandidateProblemViewSchema.parse(res.json());
    expect(view.tests.map((t) => t.name)).toEqual(['small', 'zero']);
    expect(view.hiddenTestCount).toBe(1);
    expect(res.body).not.toContain('print(a + b)');
    expect(res.body).not.toContain('negative');
  });

  it('export → import round-trips exactly', async () => {
    const pkg = ProblemPackageSchema.parse(
      sumPackage({
        slug: 'round-trip',
        examples: [{ input: '1 2', output: '3', explanation: '1 + 2' }],
        comparator: { kind: 'float', absolute: 0.001, relative: 0 },
        tests: [
          { name: 'a', input: '1 2\n', expectedOutput: '3\n', weight: 3, comparator: { kind: 'exact' } },
          { name: 'b', input: 'x'.repeat(100_000), expectedOutput: '', hidden: true },
        ],
        interviewerGuide: { guidance: 'g', rubric: [{ level: 'good', description: 'd' }], expectedAnswer: 'e' },
      }),
    );
    const created = await create(pkg);
    const exported = await app.inject({ url: `/api/v1/problems/${created.id}/export`, headers: ivy.headers });
    expect(exported.json()).toEqual(pkg);
    const imported = await app.inject({
      method: 'POST',
      url: '/api/v1/problems/import',
      headers: stranger.headers,
      payload: { orgId: otherOrgId, package: exported.json<object>() },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const again = await app.inject({
      url: `/api/v1/problems/${ProblemDetailSchema.parse(imported.json()).id}/export`,
      headers: stranger.headers,
    });
    expect(again.json()).toEqual(pkg);
  });

  it('import names the exact path of each invalid field; a taken slug is a conflict', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/problems/import',
      headers: ivy.headers,
      payload: {
        orgId,
        package: sumPackage({
          slug: 'Bad Slug',
          tests: [
            { input: '1', expectedOutput: '1' },
            { input: '1', expectedOutput: '1' },
            { input: '1', expectedOutput: '1' },
            { input: '1', expectedOutput: 42 as unknown as string },
          ],
        }),
      },
    });
    expect(res.statusCode).toBe(400);
    const paths = (ProblemSchema.parse(res.json()).issues ?? []).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.package.slug', 'body.package.tests.3.expectedOutput']));
    const dup = await app.inject({
      method: 'POST',
      url: '/api/v1/problems/import',
      headers: ivy.headers,
      payload: { orgId, package: sumPackage() },
    });
    expect(dup.statusCode).toBe(409);
    expect(ProblemSchema.parse(dup.json()).code).toBe('problem.slug_taken');
  });

  it('finds "two sum" with the typo "tow sum"; filters and sorts', async () => {
    await create(sumPackage({ slug: 'two-sum', title: 'Two Sum', tags: ['arrays', 'hashing'] }));
    await create(
      sumPackage({ slug: 'graph-walk', title: 'Graph Walk', difficulty: 'hard', tags: ['graphs'], starterCode: {} }),
    );
    const fuzzy = await search(`q=${encodeURIComponent('tow sum')}&orgId=${orgId}`);
    expect(fuzzy.items[0]?.title).toBe('Two Sum');
    expect((await search(`q=graph&orgId=${orgId}`)).items.map((i) => i.title)).toEqual(['Graph Walk']);
    expect((await search(`difficulty=hard&orgId=${orgId}`)).items.map((i) => i.slug)).toEqual(['graph-walk']);
    expect((await search(`tags=graphs&orgId=${orgId}`)).items.map((i) => i.slug)).toEqual(['graph-walk']);
    const python = await search(`language=python&owner=org&orgId=${orgId}`);
    expect(python.items.map((i) => i.slug)).not.toContain('graph-walk');
    const byDifficulty = await search(`sort=difficulty&owner=org&orgId=${orgId}&pageSize=100`);
    expect(byDifficulty.items.at(-1)?.difficulty).toBe('hard');
    const page = await search(`owner=org&orgId=${orgId}&pageSize=1&page=2`);
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(2);
    const beyond = await search(`owner=org&orgId=${orgId}&pageSize=100&page=50`);
    expect(beyond).toMatchObject({ items: [], total: page.total });
    // Another organisation's drafts stay out of everyone else's results.
    expect((await search('q=two%20sum', stranger)).items.map((i) => i.owner.orgId)).not.toContain(orgId);
  });

  it('duplicates a problem into the organisation; outsiders and candidates are refused', async () => {
    const source = await create(sumPackage({ slug: 'shared' }), stranger, otherOrgId);
    expect((await app.inject({ url: `/api/v1/problems/${source.id}`, headers: ivy.headers })).statusCode).toBe(403);
    const copy = await app.inject({
      method: 'POST',
      url: `/api/v1/problems/${source.id}/duplicate`,
      headers: stranger.headers,
      payload: { orgId: otherOrgId },
    });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(ProblemDetailSchema.parse(copy.json())).toMatchObject({ slug: 'shared-copy', status: 'draft' });
    expect((await app.inject({ url: '/api/v1/problems', headers: loner.headers })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/problems/${source.id}` })).statusCode).toBe(401);
    const archived = await app.inject({
      method: 'POST',
      url: `/api/v1/problems/${source.id}/archive`,
      headers: stranger.headers,
    });
    expect(ProblemDetailSchema.parse(archived.json()).status).toBe('archived');
  });
});
