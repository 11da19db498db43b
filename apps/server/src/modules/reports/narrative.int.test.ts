import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InterviewReportSchema, ReportNarrativeSchema, type Interview } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp } from '../../../test/create-test-app.js';
import { createInterview, transition } from '../../../test/interviews.js';
import { createOrgWithMembers, signedInUser, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';

/** The problem's detail of a failed response. */
const detailOf = (res: { json: () => unknown }) => z.object({ detail: z.string() }).parse(res.json()).detail;

const COMPLETION = 'The candidate worked through the question steadily.';
const CANDIDATE = { name: 'Casey Quuxley', email: 'casey.quuxley@example.test' };

/** A local stand-in for an OpenAI-compatible API: answers as `mode` says and records each request. */
function fakeLlm() {
  const requests: { headers: IncomingMessage['headers']; url: string; body: unknown }[] = [];
  let mode: 'ok' | 'error' | 'slow' = 'ok';
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, url: req.url ?? '', body: JSON.parse(raw || 'null') });
      if (mode === 'error') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"boom"}}');
        return;
      }
      const answer = () =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'chatcmpl-test',
            object: 'chat.completion',
            model: 'test-model-2026',
            choices: [{ index: 0, message: { role: 'assistant', content: COMPLETION }, finish_reason: 'stop' }],
          }),
        );
      if (mode === 'slow') setTimeout(answer, 2500);
      else answer();
    });
  });
  return {
    requests,
    server,
    setMode: (m: typeof mode) => (mode = m),
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    },
  };
}

describe('report narrative (AI-generated or written by a person)', () => {
  let database: TestDatabase;
  let withAi: FastifyInstance;
  let withoutAi: FastifyInstance;
  const llm = fakeLlm();
  let amy: SignedIn;
  let rita: SignedIn;
  let orgId: string;
  let interview: Interview;

  const report = async (app: FastifyInstance, who: SignedIn, id = interview.id) => {
    const res = await app.inject({ url: `/api/v1/interviews/${id}/report`, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return InterviewReportSchema.parse(res.json());
  };
  const generate = (app: FastifyInstance, who: SignedIn, id = interview.id) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${id}/report/narrative/generate`,
      headers: who.headers,
      payload: {},
    });
  const save = (app: FastifyInstance, who: SignedIn, text: string, id = interview.id) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/interviews/${id}/report/narrative`,
      headers: who.headers,
      payload: { text },
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    const baseUrl = await llm.listen();
    withAi = await createTestApp(database, {
      LLM_BASE_URL: baseUrl,
      LLM_API_KEY: 'sk-test-narrative',
      LLM_MODEL: 'test-model',
      LLM_TIMEOUT_SECONDS: '1',
    });
    withoutAi = await createTestApp(database);
    amy = await signedInUser(withAi, database.db, { name: 'Amy Asker' });
    rita = await signedInUser(withAi, database.db, { name: 'Rita Recruiter' });
    orgId = (await createOrgWithMembers(database.db, { [amy.user.id]: 'interviewer', [rita.user.id]: 'recruiter' })).id;
    interview = await createInterview(withAi, amy, orgId, {
      title: 'Pairing with Casey Quuxley',
      candidate: CANDIDATE,
      options: { anonymous: true, recordingAllowed: false, integritySignals: true },
    });
    expect((await transition(withAi, amy, interview.id, 'start')).statusCode).toBe(200);
    expect((await transition(withAi, amy, interview.id, 'end')).statusCode).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await withAi.close();
    await withoutAi.close();
    await new Promise((resolve) => llm.server.close(resolve));
    await database.close();
  });

  it('generates from the summary only: bearer key, model, no candidate name or e-mail in anonymous mode; stored as AI', async () => {
    const before = await report(withAi, rita);
    expect(before.aiAvailable).toBe(true);
    expect(before.narrative).toBeNull();
    expect(before.summary.questions[0]).toMatchObject({ kind: 'free_form', seconds: null });

    const res = await generate(withAi, rita);
    expect(res.statusCode, res.body).toBe(200);
    expect(ReportNarrativeSchema.parse(res.json())).toMatchObject({
      text: COMPLETION,
      source: 'ai',
      model: 'test-model-2026',
      updatedBy: 'Rita Recruiter',
    });

    expect(llm.requests).toHaveLength(1);
    const sent = llm.requests[0];
    expect(sent?.url).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe('Bearer sk-test-narrative');
    const body = sent?.body as { model: string; messages: { role: string; content: string }[] };
    expect(body.model).toBe('test-model');
    const prompt = body.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('"questions"');
    expect(prompt).toContain('Two sum');
    expect(prompt).toContain('free_form');
    for (const secret of [CANDIDATE.name, CANDIDATE.email, 'Casey', 'Quuxley']) expect(prompt).not.toContain(secret);

    const after = await report(withAi, rita);
    expect(after.narrative).toMatchObject({ text: COMPLETION, source: 'ai', model: 'test-model-2026' });
  });

  it('an edit by a person turns it into “AI-generated, edited”; the anchoring rule hides it from an interviewer', async () => {
    const res = await save(withAi, rita, 'Edited by Rita.');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ text: 'Edited by Rita.', source: 'ai_edited', model: 'test-model-2026' });
    expect((await report(withAi, rita)).narrative?.source).toBe('ai_edited');
    // A second edit stays “AI-generated, edited”.
    expect((await save(withAi, rita, 'Edited again.')).json()).toMatchObject({ source: 'ai_edited' });

    // Amy interviewed and has not submitted her scorecard: no narrative for her, and she cannot make one.
    const amys = await report(withAi, amy);
    expect(amys.scorecards.access).toBe('submit_own_first');
    expect(amys.narrative).toBeNull();
    const refused = await generate(withAi, amy);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'scorecard.submit_own_first' });
    expect((await save(withAi, amy, 'Mine')).statusCode).toBe(403);
  });

  it('an upstream failure or timeout is a clear 503 problem, and the narrative stays as it was', async () => {
    llm.setMode('error');
    const failed = await generate(withAi, rita);
    expect(failed.statusCode).toBe(503);
    expect(failed.headers['content-type']).toContain('application/problem+json');
    expect(detailOf(failed)).toContain('HTTP 500');
    expect(failed.body).not.toContain('sk-test-narrative');

    llm.setMode('slow');
    const slow = await generate(withAi, rita);
    expect(slow.statusCode).toBe(503);
    expect(detailOf(slow)).toContain('did not answer within 1 s');
    llm.setMode('ok');
    expect((await report(withAi, rita)).narrative?.text).toBe('Edited again.');
  });

  it('an interview not started has nothing to narrate', async () => {
    const draft = await createInterview(withAi, amy, orgId, { title: 'Not yet' });
    const res = await generate(withAi, rita, draft.id);
    expect(res.statusCode).toBe(409);
  });

  it('without LLM_* nothing is AI: aiAvailable false, generate answers 503 naming the variables; a person writes it', async () => {
    const other = await createInterview(withoutAi, amy, orgId, { title: 'No AI here' });
    expect((await transition(withoutAi, amy, other.id, 'start')).statusCode).toBe(200);
    const before = await report(withoutAi, rita, other.id);
    expect(before.aiAvailable).toBe(false);
    expect(before.narrative).toBeNull();

    const res = await generate(withoutAi, rita, other.id);
    expect(res.statusCode).toBe(503);
    expect(detailOf(res)).toMatch(/LLM_BASE_URL.*LLM_API_KEY/);

    const written = await save(withoutAi, rita, 'Written by hand.', other.id);
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json()).toMatchObject({ source: 'human', model: null, generatedAt: null });
    const after = await report(withoutAi, rita, other.id);
    expect(after.narrative).toMatchObject({ text: 'Written by hand.', source: 'human', updatedBy: 'Rita Recruiter' });
  });
});
