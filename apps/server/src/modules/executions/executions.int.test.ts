import { randomUUID } from 'node:crypto';
import {
  ExecutionCreatedSchema,
  ExecutionEventSchema,
  ExecutionListSchema,
  ExecutionSchema,
  LanguageListSchema,
  ProblemPackageSchema,
  ProblemSchema,
  type Execution,
  type ExecutionEvent,
} from '@interviewselect/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEngine, csrfHeaders } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { signedInUser, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createPgQueue } from '../../platform/queue/pg-queue.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import { createQuestionsRepo } from '../questions/questions.repo.js';
import { problems } from '../questions/questions.tables.js';
import type { ExecutionEngine } from './execution-engine.js';
import type { ProblemTests } from './executions.service.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The tests of a problem version, served by a stand-in port (the question
 * bank's own port is tested in modules/questions); the version row itself is
 * real, since executions reference problem_versions.
 */
let PROBLEM_VERSION_ID: string = randomUUID();
const SECRET_INPUT = 'hidden-input-7f3a';
const SECRET_EXPECTED = 'hidden-expected-9c1d';
const problem: ProblemTests = {
  // A comparator whose reasons quote tokens ("token 1 differs: expected …"): the redaction must hold anyway.
  comparator: { kind: 'whitespace' },
  tests: [
    { ordinal: 0, input: 'visible\n', expectedOutput: 'visible\n', hidden: false },
    { ordinal: 1, input: `${SECRET_INPUT}\n`, expectedOutput: `${SECRET_EXPECTED}\n`, hidden: true },
  ],
};

/** Parses a text/event-stream body into its events. */
function parseEventStream(body: string): ExecutionEvent[] {
  return body
    .split('\n\n')
    .map((block) => block.split('\n').find((line) => line.startsWith('data: ')))
    .filter((line): line is string => line !== undefined)
    .map((line) => ExecutionEventSchema.parse(JSON.parse(line.slice('data: '.length))));
}

describe('/api/v1/executions', () => {
  let database: TestDatabase;
  let engine: ExecutionEngine;
  let queue: JobQueue;
  let app: FastifyInstance;
  let alice: SignedIn;
  let bob: SignedIn;

  beforeAll(async () => {
    database = await createTestDatabase();
    engine = await createTestEngine();
    queue = createPgQueue({ db: database.db, logger: quiet, pollIntervalMs: 20 });
    app = await createTestApp(
      database,
      { RUNNER_LANGUAGES: 'python,bash' },
      {
        engine,
        queue,
        problemTests: async (id) => (id === PROBLEM_VERSION_ID ? problem : null),
      },
    );
    await queue.start();
    const problemId = await createQuestionsRepo(database.db).createProblem({
      orgId: null,
      pkg: ProblemPackageSchema.parse({
        format: 'interviewselect.problem/v1',
        slug: 'executions-test-problem',
        title: 'Executions test problem',
        difficulty: 'easy',
        category: 'coding',
        statement: 'Echo the input.',
      }),
      createdBy: null,
      published: true,
      now: new Date(),
    });
    const [row] = await database.db
      .select({ versionId: problems.currentVersionId })
      .from(problems)
      .where(eq(problems.id, problemId));
    PROBLEM_VERSION_ID = row?.versionId ?? PROBLEM_VERSION_ID;
    alice = await signedInUser(app, database.db, { name: 'Alice Runner' });
    bob = await signedInUser(app, database.db, { name: 'Bob Other' });
  });

  afterAll(async () => {
    await app.close();
    await queue.stop();
    await engine.close();
    await database.close();
  });

  async function create(who: SignedIn, payload: object): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/executions', headers: who.headers, payload });
    expect(res.statusCode, res.body).toBe(202);
    const created = ExecutionCreatedSchema.parse(res.json());
    expect(created.status).toBe('pending');
    return created.id;
  }

  function finished(who: SignedIn, id: string): Promise<Execution> {
    return eventually(
      async () => {
        const res = await app.inject({ url: `/api/v1/executions/${id}`, headers: who.headers });
        expect(res.statusCode, res.body).toBe(200);
        const execution = ExecutionSchema.parse(res.json());
        expect(['completed', 'failed']).toContain(execution.status);
        return execution;
      },
      { timeoutMs: 20_000 },
    );
  }

  it('runs a program with its stdin and stores the output', async () => {
    const id = await create(alice, { language: 'python', source: 'print(input().upper())', stdin: 'hello\n' });
    const execution = await finished(alice, id);
    expect(execution).toMatchObject({
      id,
      mode: 'run',
      language: 'python',
      status: 'completed',
      verdict: 'accepted',
      exitCode: 0,
      stdout: 'HELLO\n',
      tests: [],
    });
    expect(execution.languageVersion).toMatch(/^3\./);
    expect(execution.startedAt).not.toBeNull();
    expect(execution.finishedAt).not.toBeNull();
  });

  it('judges inline tests: one passes, one fails with a diff', async () => {
    const id = await create(alice, {
      language: 'bash',
      mode: 'test',
      source: 'read x; echo "$((x * 2))"',
      tests: [
        { input: '2\n', expectedOutput: '4\n' },
        { input: '3\n', expectedOutput: '7\n' },
      ],
    });
    const execution = await finished(alice, id);
    expect(execution).toMatchObject({ status: 'completed', verdict: 'wrong_answer', testsPassed: 1, testsTotal: 2 });
    const [first, second] = execution.tests;
    expect(first).toMatchObject({ ordinal: 0, hidden: false, verdict: 'accepted', actualOutput: '4\n' });
    expect(second).toMatchObject({ ordinal: 1, hidden: false, verdict: 'wrong_answer', expectedOutput: '7\n' });
    expect(second?.actualOutput).toBe('6\n');
    expect(second?.diff).toContain('7');
  });

  it('submits against hidden tests and never shows their data to the creator', async () => {
    const id = await create(alice, {
      language: 'python',
      mode: 'submit',
      source: 'print(input())',
      problemVersionId: PROBLEM_VERSION_ID,
    });
    const execution = await finished(alice, id);
    expect(execution).toMatchObject({ verdict: 'wrong_answer', testsPassed: 1, testsTotal: 2 });
    expect(execution.tests[1]).toMatchObject({
      hidden: true,
      verdict: 'wrong_answer',
      input: null,
      expectedOutput: null,
      actualOutput: null,
      stderr: null,
      diff: null,
    });
    const body = (await app.inject({ url: `/api/v1/executions/${id}`, headers: alice.headers })).body;
    expect(body).not.toContain(SECRET_EXPECTED);
    expect(body).not.toContain(SECRET_INPUT);
    const stream = (await app.inject({ url: `/api/v1/executions/${id}/events`, headers: alice.headers })).body;
    expect(stream).toContain('event: done');
    expect(stream).not.toContain(SECRET_EXPECTED);
    expect(stream).not.toContain(SECRET_INPUT);
  });

  it('test mode runs only the visible tests of a problem version', async () => {
    const id = await create(alice, {
      language: 'python',
      mode: 'test',
      source: 'print(input())',
      problemVersionId: PROBLEM_VERSION_ID,
    });
    const execution = await finished(alice, id);
    expect(execution).toMatchObject({ verdict: 'accepted', testsPassed: 1, testsTotal: 1 });
    expect(execution.tests.map((t) => t.hidden)).toEqual([false]);
  });

  it('streams live output and then done over Server-Sent Events', async () => {
    const id = await create(alice, {
      language: 'bash',
      source: 'echo first; sleep 0.3; echo second',
    });
    const res = await app.inject({ url: `/api/v1/executions/${id}/events`, headers: alice.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = parseEventStream(res.body);
    expect(events[0]?.type === 'status' || events[0]?.type === 'done').toBe(true);
    const output = events.flatMap((e) => (e.type === 'output' ? [e.data] : [])).join('');
    expect(output).toContain('second');
    const last = events.at(-1);
    expect(last?.type).toBe('done');
    if (last?.type === 'done') expect(last.execution).toMatchObject({ id, verdict: 'accepted' });
    expect(last?.type === 'done' && last.execution.stdout).toBe('first\nsecond\n');
  });

  it('answers an already finished execution with done at once', async () => {
    const id = await create(alice, { language: 'python', source: 'print(1)' });
    await finished(alice, id);
    const events = parseEventStream(
      (await app.inject({ url: `/api/v1/executions/${id}/events`, headers: alice.headers })).body,
    );
    expect(events.map((e) => e.type)).toEqual(['done']);
  });

  it('lists the caller’s recent executions, newest first', async () => {
    const id = await create(bob, { language: 'python', source: 'print(2)' });
    const res = await app.inject({ url: '/api/v1/executions?limit=5', headers: bob.headers });
    expect(res.statusCode).toBe(200);
    const { executions } = ExecutionListSchema.parse(res.json());
    expect(executions[0]?.id).toBe(id);
    expect(executions.every((e) => e.id === id)).toBe(true);
  });

  it("answers 404 for someone else's execution and its events", async () => {
    const id = await create(alice, { language: 'python', source: 'print(3)' });
    for (const url of [`/api/v1/executions/${id}`, `/api/v1/executions/${id}/events`]) {
      const res = await app.inject({ url, headers: bob.headers });
      expect(res.statusCode).toBe(404);
      expect(ProblemSchema.parse(res.json()).code).toBe('resource.not_found');
    }
  });

  it('requires sign-in', async () => {
    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/executions',
      headers: csrfHeaders(),
      payload: { language: 'python', source: 'print(1)' },
    });
    expect(post.statusCode).toBe(401);
    expect(post.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await app.inject({ url: `/api/v1/executions/${randomUUID()}` })).statusCode).toBe(401);
  });

  it('refuses a language that is not offered, naming the installed ones', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/executions',
      headers: alice.headers,
      payload: { language: 'ruby', source: 'puts 1' },
    });
    expect(res.statusCode).toBe(422);
    const problemBody = ProblemSchema.parse(res.json());
    expect(problemBody.code).toBe('execution.language_unavailable');
    expect(problemBody.detail).toBe('ruby is not installed on this server. Installed: bash, python.');
  });

  it('refuses an unknown problem version', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/executions',
      headers: alice.headers,
      payload: { language: 'python', mode: 'submit', source: 'print(1)', problemVersionId: randomUUID() },
    });
    expect(res.statusCode).toBe(422);
    expect(ProblemSchema.parse(res.json()).code).toBe('execution.unknown_problem_version');
  });

  it('lists the offered languages publicly', async () => {
    const res = await app.inject({ url: '/api/v1/languages' });
    expect(res.statusCode).toBe(200);
    const { languages } = LanguageListSchema.parse(res.json());
    expect(languages.map((l) => l.id).sort()).toEqual(['bash', 'python']);
    expect(languages.every((l) => l.version.length > 0)).toBe(true);
  });

  it('answers 503 and lists no languages on a server without an engine', async () => {
    const bare = await createTestApp(database);
    try {
      const res = await bare.inject({
        method: 'POST',
        url: '/api/v1/executions',
        headers: alice.headers,
        payload: { language: 'python', source: 'print(1)' },
      });
      expect(res.statusCode).toBe(503);
      expect(ProblemSchema.parse(res.json())).toMatchObject({
        code: 'execution.unavailable',
        detail: 'Code execution is not available on this server.',
      });
      expect(LanguageListSchema.parse((await bare.inject({ url: '/api/v1/languages' })).json())).toEqual({
        languages: [],
      });
    } finally {
      await bare.close();
    }
  });
});
