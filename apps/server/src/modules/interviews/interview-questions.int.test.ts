import {
  ExecutionCreatedSchema,
  ExecutionSchema,
  InterviewSchema,
  ProblemDetailSchema,
  ProblemPackageSchema,
  ProblemSchema,
  RoomInfoSchema,
  type Execution,
  type ProblemPackageInput,
} from '@interviewselect/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEngine } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { createInterview, createLink, joinAsGuest, transition } from '../../../test/interviews.js';
import { createOrgWithMembers, createUser, mintSession, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createPgQueue } from '../../platform/queue/pg-queue.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import type { ExecutionEngine } from '../executions/execution-engine.js';
import { createQuestionsRepo } from '../questions/questions.repo.js';
import { problems } from '../questions/questions.tables.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const HIDDEN_INPUT = '41 1\n';
const HIDDEN_MARK = 'secret-expected-42';
/** A whole hour some hours from now: scheduling books the panel, only at a future time. */
const hoursAhead = (hours: number) => new Date((Math.ceil(Date.now() / 3_600_000) + hours) * 3_600_000).toISOString();

/** A problem whose hidden test's data must never reach a candidate. */
function pkg(slug: string, title: string): ProblemPackageInput {
  return {
    format: 'interviewselect.problem/v1',
    slug,
    title,
    difficulty: 'easy',
    category: 'coding',
    statement: `Read two integers and print their sum. (${title})`,
    examples: [{ input: '1 2', output: '3' }],
    tests: [
      { name: 'small', input: '1 2\n', expectedOutput: '3\n' },
      { name: 'zero', input: '0 0\n', expectedOutput: '0\n' },
      // The comparator ignores all whitespace; the expected text is a marker no program prints.
      { name: 'secret', input: HIDDEN_INPUT, expectedOutput: `${HIDDEN_MARK}\n`, hidden: true },
    ],
    comparator: { kind: 'whitespace' },
    starterCode: { python: 'a, b = map(int, input().split())\n' },
    referenceSolutions: { python: 'a, b = map(int, input().split())\nprint(a + b)\n' },
    interviewerGuide: { guidance: 'Ask about overflow.', rubric: [], expectedAnswer: 'print(a + b)' },
  };
}

describe('interview questions from the question bank', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let engine: ExecutionEngine;
  let queue: JobQueue;
  const redis = testRedisDeps();
  let ivy: SignedIn;
  let oscar: SignedIn;
  let orgId: string;
  let otherOrgId: string;
  let publicVersionId: string;
  let ownVersionId: string;
  let foreignVersionId: string;
  let draftVersionId: string;

  async function insertProblem(orgOf: string | null, slug: string, published: boolean): Promise<string> {
    const problemId = await createQuestionsRepo(database.db).createProblem({
      orgId: orgOf,
      pkg: ProblemPackageSchema.parse(pkg(slug, `Problem ${slug}`)),
      createdBy: null,
      published,
      now: new Date(),
    });
    const [row] = await database.db
      .select({ current: problems.currentVersionId, draft: problems.draftVersionId })
      .from(problems)
      .where(eq(problems.id, problemId));
    const versionId = published ? row?.current : row?.draft;
    if (!versionId) throw new Error('problem has no version');
    return versionId;
  }

  async function execute(headers: Record<string, string>, payload: object) {
    return app.inject({ method: 'POST', url: '/api/v1/executions', headers, payload });
  }

  async function finished(headers: Record<string, string>, id: string): Promise<Execution> {
    return eventually(async () => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/executions/${id}`, headers });
      const execution = ExecutionSchema.parse(res.json());
      expect(['completed', 'failed']).toContain(execution.status);
      return execution;
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    engine = await createTestEngine();
    queue = createPgQueue({ db: database.db, logger: quiet, pollIntervalMs: 20 });
    app = await createTestApp(database, { RUNNER_LANGUAGES: 'python' }, { ...redis.deps, engine, queue });
    await queue.start();
    // Sessions written directly: no password hashing in this suite's set-up.
    const ivyRow = await createUser(database.db, { name: 'Ivy Interviewer', withPassword: false });
    const oscarRow = await createUser(database.db, { name: 'Oscar Other', withPassword: false });
    orgId = (await createOrgWithMembers(database.db, { [ivyRow.id]: 'interviewer' })).id;
    otherOrgId = (await createOrgWithMembers(database.db, { [oscarRow.id]: 'interviewer' })).id;
    ivy = { user: ivyRow, headers: await mintSession(database.db, ivyRow.id) };
    oscar = { user: oscarRow, headers: await mintSession(database.db, oscarRow.id) };
    publicVersionId = await insertProblem(null, 'bank-public-sum', true);
    ownVersionId = await insertProblem(orgId, 'bank-own-sum', true);
    foreignVersionId = await insertProblem(otherOrgId, 'bank-foreign-sum', true);
    draftVersionId = await insertProblem(orgId, 'bank-draft-sum', false);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await queue?.stop();
    await engine?.close();
    redis.close();
    await database?.close();
  });

  it('asks published versions of the library and of the org; the interview shows their references', async () => {
    const interview = await createInterview(app, ivy, orgId, {
      questions: [
        { problemVersionId: publicVersionId, interviewerNotes: 'Warm-up.' },
        { problemVersionId: ownVersionId },
        { title: 'Design a cache', prompt: 'Talk it through.' },
      ],
    });
    expect(interview.questions.map((q) => q.title)).toEqual([
      'Problem bank-public-sum',
      'Problem bank-own-sum',
      'Design a cache',
    ]);
    expect(interview.questions[0]?.problem).toMatchObject({ versionId: publicVersionId, slug: 'bank-public-sum' });
    expect(interview.questions[0]?.prompt).toContain('Read two integers');
    expect(interview.questions[0]?.interviewerNotes).toBe('Warm-up.');
    expect(interview.questions[2]?.problem).toBeNull();

    // The bank's usage counts the interview that asks the problem.
    const problemId = interview.questions[1]?.problem?.problemId;
    const detail = await app.inject({ method: 'GET', url: `/api/v1/problems/${problemId}`, headers: ivy.headers });
    expect(ProblemDetailSchema.parse(detail.json()).usage.timesUsed).toBe(1);
  });

  it('refuses another org’s version, a draft, and an unknown id — naming the question — and stores nothing', async () => {
    for (const versionId of [foreignVersionId, draftVersionId, '00000000-0000-4000-8000-000000000000']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/interviews',
        headers: ivy.headers,
        payload: {
          orgId,
          title: 'Should not exist',
          candidate: { name: 'Casey Candidate', email: 'casey@example.test' },
          questions: [{ title: 'Fine', prompt: '' }, { problemVersionId: versionId }],
        },
      });
      expect(res.statusCode, res.body).toBe(400);
      const body = ProblemSchema.parse(res.json());
      expect(body.detail).toMatch(/^Question 2: /);
      expect(body.issues).toEqual([expect.objectContaining({ path: 'body.questions.1.problemVersionId' })]);
    }
    const list = await app.inject({ method: 'GET', url: `/api/v1/interviews?orgId=${orgId}`, headers: ivy.headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Should not exist');
  });

  it('a free-form question still needs a title', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/interviews',
      headers: ivy.headers,
      payload: { orgId, title: 'T', candidate: { name: 'C C', email: 'c@example.test' }, questions: [{ prompt: 'x' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(ProblemSchema.parse(res.json()).issues).toEqual([
      expect.objectContaining({ path: 'body.questions.0.title', message: 'Give the question a title.' }),
    ]);
  });

  it('the room: the candidate sees nothing before the start, then statement and visible tests only; interviewers get the answer key', async () => {
    const interview = await createInterview(app, ivy, orgId, {
      questions: [{ problemVersionId: ownVersionId, interviewerNotes: 'Watch the edge cases.' }],
      plannedStart: hoursAhead(24),
    });
    const link = await createLink(app, ivy, interview.id, 'candidate');
    const candidate = await joinAsGuest(app, link.token, 'Casey Candidate');
    const roomOf = async (headers: Record<string, string>) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/interviews/${interview.id}/room`, headers });
      expect(res.statusCode, res.body).toBe(200);
      return { info: RoomInfoSchema.parse(res.json()), body: res.body };
    };

    const before = await roomOf(candidate);
    expect(before.info.questions).toEqual([]);
    expect(before.body).not.toContain('Read two integers');

    expect((await transition(app, ivy, interview.id, 'schedule')).statusCode).toBe(200);
    expect((await transition(app, ivy, interview.id, 'start')).statusCode).toBe(200);
    const during = await roomOf(candidate);
    const question = during.info.questions[0];
    expect(question?.view?.tests.map((t) => t.name)).toEqual(['small', 'zero']);
    expect(question?.view?.hiddenTestCount).toBe(1);
    expect(question?.view?.starterCode.python).toContain('input().split()');
    expect(question?.answerKey).toBeUndefined();
    expect(question?.interviewerNotes).toBeUndefined();
    for (const secret of [HIDDEN_MARK, 'print(a + b)', 'Ask about overflow', 'Watch the edge cases'])
      expect(during.body).not.toContain(secret);

    const own = (await roomOf(ivy.headers)).info.questions[0];
    expect(own?.answerKey?.hiddenTests).toEqual([
      { name: 'secret', input: HIDDEN_INPUT, expectedOutput: `${HIDDEN_MARK}\n`, isTruncated: false },
    ]);
    expect(own?.answerKey?.referenceSolutions.python).toContain('print(a + b)');
    expect(own?.interviewerNotes).toBe('Watch the edge cases.');
  });

  it('runs in the room judge against the interview’s question only; hidden data stays redacted; guests read only their own runs', async () => {
    const interview = await createInterview(app, ivy, orgId, {
      questions: [{ problemVersionId: publicVersionId }],
      plannedStart: hoursAhead(48),
    });
    const link = await createLink(app, ivy, interview.id, 'candidate');
    const candidate = await joinAsGuest(app, link.token, 'Casey Candidate');
    expect((await transition(app, ivy, interview.id, 'schedule')).statusCode).toBe(200);
    await transition(app, ivy, interview.id, 'start');
    const solution = 'a, b = map(int, input().split())\nprint(a + b)\n';

    // The org's other problem is not part of this interview: the candidate cannot judge against it.
    const probe = await execute(candidate, {
      language: 'python',
      source: solution,
      mode: 'test',
      problemVersionId: ownVersionId,
      interviewId: interview.id,
    });
    expect(probe.statusCode, probe.body).toBe(422);
    expect(ProblemSchema.parse(probe.json()).code).toBe('execution.unknown_problem_version');

    const test = await execute(candidate, {
      language: 'python',
      source: solution,
      mode: 'test',
      problemVersionId: publicVersionId,
      interviewId: interview.id,
    });
    expect(test.statusCode, test.body).toBe(202);
    const tested = await finished(candidate, ExecutionCreatedSchema.parse(test.json()).id);
    expect(tested.tests.map((t) => [t.hidden, t.verdict])).toEqual([
      [false, 'accepted'],
      [false, 'accepted'],
    ]);

    const submit = await execute(candidate, {
      language: 'python',
      source: solution,
      mode: 'submit',
      problemVersionId: publicVersionId,
      interviewId: interview.id,
    });
    expect(submit.statusCode, submit.body).toBe(202);
    const submitted = await finished(candidate, ExecutionCreatedSchema.parse(submit.json()).id);
    const hidden = submitted.tests.find((t) => t.hidden);
    expect(hidden?.verdict).toBe('wrong_answer');
    expect(hidden?.input).toBeNull();
    expect(hidden?.expectedOutput).toBeNull();
    expect(JSON.stringify(submitted)).not.toContain(HIDDEN_MARK);

    // A guest reads its own runs (above), not the interviewer's run in the same room.
    const ivyRun = await execute(ivy.headers, {
      language: 'python',
      source: solution,
      mode: 'run',
      stdin: '1 2\n',
      interviewId: interview.id,
    });
    const ivyRunId = ExecutionCreatedSchema.parse(ivyRun.json()).id;
    await finished(ivy.headers, ivyRunId);
    const peek = await app.inject({ method: 'GET', url: `/api/v1/executions/${ivyRunId}`, headers: candidate });
    expect(peek.statusCode).toBe(404);

    // Outside a room, another organisation's member cannot use this org's private version either.
    const foreign = await execute(oscar.headers, {
      language: 'python',
      source: solution,
      mode: 'test',
      problemVersionId: ownVersionId,
    });
    expect(foreign.statusCode, foreign.body).toBe(422);
    expect(ProblemSchema.parse(foreign.json()).code).toBe('execution.unknown_problem_version');
  });

  it('average time to solve: from the interview start to the first accepted submit', async () => {
    const interview = await createInterview(app, ivy, orgId, {
      questions: [{ problemVersionId: ownVersionId }],
      plannedStart: hoursAhead(72),
    });
    expect((await transition(app, ivy, interview.id, 'schedule')).statusCode).toBe(200);
    await transition(app, ivy, interview.id, 'start');
    // A wrong first submit does not end the clock; the first accepted one does.
    const created = await execute(ivy.headers, {
      language: 'python',
      source: 'print(0)\n',
      mode: 'submit',
      problemVersionId: ownVersionId,
      interviewId: interview.id,
    });
    expect(created.statusCode, created.body).toBe(202);
    await finished(ivy.headers, ExecutionCreatedSchema.parse(created.json()).id);
    const accepted = await execute(ivy.headers, {
      language: 'python',
      source: `import sys\ns = sys.stdin.read()\nprint('${HIDDEN_MARK}' if s == ${JSON.stringify(HIDDEN_INPUT)} else sum(map(int, s.split())))\n`,
      mode: 'submit',
      problemVersionId: ownVersionId,
      interviewId: interview.id,
    });
    const done = await finished(ivy.headers, ExecutionCreatedSchema.parse(accepted.json()).id);
    expect(done.verdict).toBe('accepted');

    const problemId = InterviewSchema.parse(
      (await app.inject({ method: 'GET', url: `/api/v1/interviews/${interview.id}`, headers: ivy.headers })).json(),
    ).questions[0]?.problem?.problemId;
    const detail = await app.inject({ method: 'GET', url: `/api/v1/problems/${problemId}`, headers: ivy.headers });
    const usage = ProblemDetailSchema.parse(detail.json()).usage;
    expect(usage.avgSolveMinutes).not.toBeNull();
    expect(usage.avgSolveMinutes).toBeGreaterThanOrEqual(0);
    expect(usage.avgSolveMinutes).toBeLessThan(5);
    expect(usage.passRate).toBeCloseTo(0.5);
  });
});
