import {
  ConsoleEntrySchema,
  ExecutionCreatedSchema,
  ProblemSchema,
  ROOM_KEYS,
  RoomStateSchema,
} from '@interviewselect/contracts';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEngine } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { createInterview, createLink, joinAsGuest, transition } from '../../../test/interviews.js';
import { createOrgWithMembers, signedInUser, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createPgQueue } from '../../platform/queue/pg-queue.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import type { ExecutionEngine } from './execution-engine.js';
import { executions } from './executions.tables.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Runs from inside a room: authorised by the caller's place in the interview, guests included. */
describe('executions in a room', () => {
  let database: TestDatabase;
  let engine: ExecutionEngine;
  let queue: JobQueue;
  let app: FastifyInstance;
  let ivy: SignedIn;
  let outsider: SignedIn;
  let orgId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    engine = await createTestEngine();
    queue = createPgQueue({ db: database.db, logger: quiet, pollIntervalMs: 20 });
    app = await createTestApp(database, { RUNNER_LANGUAGES: 'python,bash' }, { engine, queue });
    await queue.start();
    ivy = await signedInUser(app, database.db, { name: 'Ivy Interviewer' });
    outsider = await signedInUser(app, database.db, { name: 'Out Sider' });
    orgId = (await createOrgWithMembers(database.db, { [ivy.user.id]: 'interviewer' }, 'Room Runs')).id;
  });

  afterAll(async () => {
    await app.close();
    await queue.stop();
    await engine.close();
    await database.close();
  });

  const run = (headers: Record<string, string>, interviewId: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/executions',
      headers,
      payload: { language: 'python', source: 'print(6 * 7)', interviewId },
    });

  it('the candidate (a guest) runs only while the interview is live; observers and strangers never', async () => {
    const interview = await createInterview(app, ivy, orgId);
    const candidate = await joinAsGuest(app, (await createLink(app, ivy, interview.id, 'candidate')).token, 'Cam');
    const observer = await joinAsGuest(app, (await createLink(app, ivy, interview.id, 'observer')).token, 'Obi');
    const other = await createInterview(app, ivy, orgId, { title: 'Another' });
    await transition(app, ivy, other.id, 'start');

    const early = await run(candidate, interview.id);
    expect(early.statusCode).toBe(403);
    expect(ProblemSchema.parse(early.json()).detail).toContain('started');
    expect((await transition(app, ivy, interview.id, 'start')).statusCode).toBe(200);

    const res = await run(candidate, interview.id);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = ExecutionCreatedSchema.parse(res.json());
    const row = await eventually(async () => {
      const [found] = await database.db.select().from(executions).where(eq(executions.id, id));
      expect(found?.status).toBe('completed');
      return found;
    });
    expect(row).toMatchObject({ userId: null, interviewId: interview.id, orgId, stdout: '42\n', verdict: 'accepted' });
    expect(row?.participantId).toBeTruthy();
    // Everyone in the room sees it: the shared console of the room document (read back from the edit log).
    await eventually(async () => {
      const res = await app.inject({
        url: `/api/v1/interviews/${interview.id}/state?at=${encodeURIComponent(new Date().toISOString())}`,
        headers: ivy.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Buffer.from(RoomStateSchema.parse(res.json()).update, 'base64'));
      const entries = doc
        .getArray(ROOM_KEYS.console)
        .toArray()
        .map((e) => ConsoleEntrySchema.parse(e));
      expect(entries).toMatchObject([{ executionId: id, status: 'completed', stdout: '42\n', by: 'Cam' }]);
    });

    // The interviewer runs too (as an account, with the same participant bookkeeping).
    expect((await run(ivy.headers, interview.id)).statusCode).toBe(202);
    // Observers, strangers, and a guest of this room aiming at another room are refused.
    expect((await run(observer, interview.id)).statusCode).toBe(403);
    expect((await run(outsider.headers, interview.id)).statusCode).toBe(403);
    expect((await run(candidate, other.id)).statusCode).toBe(403);
    // A guest cannot run code outside a room at all.
    const bare = await app.inject({
      method: 'POST',
      url: '/api/v1/executions',
      headers: candidate,
      payload: { language: 'python', source: 'print(1)' },
    });
    expect(bare.statusCode).toBe(403);

    await transition(app, ivy, interview.id, 'end');
    const late = await run(candidate, interview.id);
    expect(late.statusCode).toBe(403);
    expect(ProblemSchema.parse(late.json()).detail).toContain('ended');
  });
});
