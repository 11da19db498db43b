import type { AddressInfo } from 'node:net';
import {
  ExecutionCreatedSchema,
  InterviewReportSchema,
  ProblemSchema,
  ROOM_KEYS,
  roomDocumentName,
  type Interview,
  type InterviewReport,
} from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestApp, createTestEngine } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { createInterview, createLink, joinAsGuest, transition } from '../../../test/interviews.js';
import { RawRoomClient } from '../../../test/raw-room-client.js';
import { fillAndSubmit, openScorecard } from '../../../test/scorecards.js';
import { createOrgWithMembers, signedInUser, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createPgQueue } from '../../platform/queue/pg-queue.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import type { ExecutionEngine } from '../executions/execution-engine.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const CODE = 'def solve(a, b):\n    return a + b  # REPORT-CODE-MARKER\n';

/**
 * The interview report, from a real session: a guest candidate types, chats,
 * pastes and runs code in the room; two interviewers submit scorecards.
 */
describe('interview reports (JSON and PDF)', () => {
  let database: TestDatabase;
  let engine: ExecutionEngine;
  let queue: JobQueue;
  let app: FastifyInstance;
  let url: string;
  let amy: SignedIn;
  let ben: SignedIn;
  let rita: SignedIn;
  let outsider: SignedIn;
  let orgId: string;
  let interview: Interview;
  let candidate: Record<string, string>;

  const get = (headers: Record<string, string>, id: string, query = '') =>
    app.inject({ url: `/api/v1/interviews/${id}/report${query}`, headers });
  const reportOf = async (who: { headers: Record<string, string> }, id: string): Promise<InterviewReport> => {
    const res = await get(who.headers, id);
    expect(res.statusCode, res.body).toBe(200);
    return InterviewReportSchema.parse(res.json());
  };

  /** A live interview where the candidate typed CODE, chatted, pasted and ran code once. */
  async function session(opts: { anonymous?: boolean; title: string }): Promise<Interview> {
    const created = await createInterview(app, amy, orgId, {
      title: opts.title,
      coInterviewerIds: [ben.user.id],
      candidate: { name: 'Casey Candidate', email: 'casey.report@example.test' },
      options: { anonymous: opts.anonymous ?? false, recordingAllowed: false, integritySignals: true },
    });
    candidate = await joinAsGuest(app, (await createLink(app, amy, created.id, 'candidate')).token, 'Casey C');
    expect((await transition(app, amy, created.id, 'start')).statusCode).toBe(200);

    const socket = await RawRoomClient.connect(url, { cookie: candidate.cookie ?? '' });
    const name = roomDocumentName(created.id);
    const doc = socket.open(name);
    await eventually(() => expect(doc.synced).toBe(true));
    const text = new Y.Text();
    doc.doc.getMap<Y.Text>(ROOM_KEYS.files).set('python', text);
    text.insert(0, CODE);
    socket.sendStateless(name, { type: 'chat', text: 'I will add the two numbers.' });
    socket.sendStateless(name, { type: 'signal', kind: 'paste', chars: 240 });
    await eventually(() => expect(doc.unacked).toBe(0));

    const run = await app.inject({
      method: 'POST',
      url: '/api/v1/executions',
      headers: candidate,
      payload: {
        language: 'python',
        mode: 'test',
        source: 'print(sum(map(int, input().split())))',
        interviewId: created.id,
        tests: [
          { input: '1 2\n', expectedOutput: '3\n' },
          { input: '2 2\n', expectedOutput: '5\n' },
        ],
      },
    });
    expect(run.statusCode, run.body).toBe(202);
    const { id } = ExecutionCreatedSchema.parse(run.json());
    await eventually(
      async () => {
        const report = await reportOf(amy, created.id);
        const found = report.runs.find((r) => r.id === id);
        expect(found?.status).toBe('completed');
        expect(found?.by).not.toBeNull();
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await eventually(async () => expect((await reportOf(amy, created.id)).chat).toHaveLength(1));
    socket.close();
    expect((await transition(app, amy, created.id, 'end')).statusCode).toBe(200);
    return created;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    engine = await createTestEngine();
    queue = createPgQueue({ db: database.db, logger: quiet, pollIntervalMs: 20 });
    app = await createTestApp(database, { RUNNER_LANGUAGES: 'python' }, { engine, queue });
    await queue.start();
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const sign = (name: string) => signedInUser(app, database.db, { name });
    [amy, ben, rita, outsider] = await Promise.all([
      sign('Amy Asker'),
      sign('Ben Builder'),
      sign('Rita Recruiter'),
      sign('Otto Outsider'),
    ]);
    orgId = (
      await createOrgWithMembers(
        database.db,
        { [amy.user.id]: 'interviewer', [ben.user.id]: 'interviewer', [rita.user.id]: 'recruiter' },
        'Report Co',
      )
    ).id;
    await createOrgWithMembers(database.db, { [outsider.user.id]: 'admin' }, 'Elsewhere');
    interview = await session({ title: 'Backend pairing: report' });
  }, 180_000);

  afterAll(async () => {
    await app.close();
    await queue.stop();
    await engine.close();
    await database.close();
  });

  it('gathers the candidate, questions, final code, runs with per-test verdicts, signals and chat', async () => {
    const report = await reportOf(amy, interview.id);
    expect(report.interview).toMatchObject({
      title: 'Backend pairing: report',
      status: 'ended',
      anonymous: false,
      candidate: { label: 'Casey Candidate', email: 'casey.report@example.test' },
    });
    expect(report.interview.interviewers.map((p) => p.name).sort()).toEqual(['Amy Asker', 'Ben Builder']);
    expect(report.questions).toMatchObject([{ position: 1, title: 'Two sum' }]);
    expect(report.finalCode).toEqual([{ language: 'python', code: CODE }]);
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]).toMatchObject({
      by: 'Casey C',
      mode: 'test',
      language: 'python',
      verdict: 'wrong_answer',
      testsPassed: 1,
      testsTotal: 2,
      tests: [
        { ordinal: 0, verdict: 'accepted' },
        { ordinal: 1, verdict: 'wrong_answer' },
      ],
    });
    expect(report.signals).toMatchObject([{ kind: 'paste', chars: 240 }]);
    expect(report.chat).toMatchObject([{ author: 'Casey C', text: 'I will add the two numbers.' }]);
    // Nothing of the private document: no interviewer notes in any field.
    expect(JSON.stringify(report)).not.toContain('Expect O(n).');
  });

  it('follows the anchoring rule, then shows the consolidated decision once every interviewer submitted', async () => {
    await fillAndSubmit(app, ben, interview.id, 4, 'strong_hire');
    await openScorecard(app, amy, interview.id);
    const before = await reportOf(amy, interview.id);
    expect(before.scorecards.access).toBe('submit_own_first');
    expect(before.scorecards.scorecards).toEqual([]);
    expect(before.decision).toBeNull();
    expect(JSON.stringify(before)).not.toContain('strong_hire');

    await fillAndSubmit(app, amy, interview.id, 3, 'hire');
    const after = await reportOf(rita, interview.id);
    expect(after.scorecards.scorecards).toHaveLength(2);
    expect(after.decision).toEqual({
      recommendation: 'hire',
      mean: 3.5,
      counts: { strong_no_hire: 0, no_hire: 0, hire: 1, strong_hire: 1 },
      unanimous: false,
    });
  });

  it('prints a PDF holding the code and the decision, as an attachment when asked', async () => {
    const res = await get(amy.headers, interview.id, '?format=pdf&download=1');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Backend-pairing-report-report.pdf"');
    const { text } = await extractText(new Uint8Array(res.rawPayload), { mergePages: true });
    expect(text).toContain('REPORT-CODE-MARKER');
    expect(text).toContain('Consolidated decision: Hire');
    expect(text).toContain('Casey Candidate');
    expect(text).toContain('I will add the two numbers.');
  }, 90_000);

  it('gives the JSON as a download too', async () => {
    const res = await get(amy.headers, interview.id, '?format=json&download=1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment; filename="Backend-pairing-report-report.json"');
    expect(InterviewReportSchema.parse(res.json()).interview.id).toBe(interview.id);
  });

  it('hides the candidate’s identity in anonymous mode, in the JSON and in the PDF', async () => {
    const anonymous = await session({ anonymous: true, title: 'Anonymous pairing' });
    const report = await reportOf(amy, anonymous.id);
    expect(report.interview.candidate).toEqual({ label: 'Candidate', email: null });
    const json = JSON.stringify(report);
    expect(json).not.toContain('casey.report@example.test');
    expect(json).not.toContain('Casey');
    const pdf = await get(amy.headers, anonymous.id, '?format=pdf');
    expect(pdf.statusCode).toBe(200);
    const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(text).toContain('REPORT-CODE-MARKER');
    expect(text).not.toContain('Casey');
  }, 150_000);

  it('is for the hiring team only: the candidate, outsiders and anonymous callers are refused', async () => {
    expect((await get({}, interview.id)).statusCode).toBe(401);
    expect((await get(outsider.headers, interview.id)).statusCode).toBe(403);
    expect((await get(candidate, interview.id)).statusCode).toBe(403);
    expect((await get(amy.headers, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const bad = await get(amy.headers, interview.id, '?format=docx');
    expect(bad.statusCode).toBe(400);
    expect(ProblemSchema.parse(bad.json()).code).toBe('request.validation_failed');
  });

  it('answers 503 with what to install when Chromium is missing, and the JSON still works', async () => {
    const other = await createTestApp(database, { CHROMIUM_PATH: '/nonexistent/chromium' });
    try {
      const res = await other.inject({
        url: `/api/v1/interviews/${interview.id}/report?format=pdf`,
        headers: amy.headers,
      });
      expect(res.statusCode).toBe(503);
      const problem = ProblemSchema.parse(res.json());
      expect(problem.code).toBe('report.pdf_unavailable');
      expect(problem.detail).toContain('apt-get install chromium');
      const json = await other.inject({ url: `/api/v1/interviews/${interview.id}/report`, headers: amy.headers });
      expect(json.statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});
