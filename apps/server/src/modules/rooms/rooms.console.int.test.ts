import { EventEmitter } from 'node:events';
import {
  ConsoleEntrySchema,
  ROOM_KEYS,
  roomDocumentName,
  TimelineSchema,
  type Execution,
} from '@interviewselect/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.js';
import { seedRoom, testRoomAccess, type RoomFixture } from '../../../test/room-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createMemoryExecutionBus } from '../executions/execution-bus.js';
import { watchRoomRuns, type RoomRun } from './room-console.js';
import { createRoomLog } from './room-log.js';
import { createRoomCollab } from './rooms.collab.js';
import { createRoomsRepo } from './rooms.repo.js';
import { createRoomsService } from './rooms.service.js';

const quiet = { warn: () => undefined, error: () => undefined };
const SECRET_EXPECTED = 'the-hidden-answer-42';

function execution(id: string, interviewId: string): Execution {
  const test = { detail: null, cpuMs: 1, wallMs: 2, memoryKb: 100, stderr: null, diff: null };
  return {
    id,
    mode: 'test',
    language: 'python',
    languageVersion: '3.11',
    status: 'completed',
    verdict: 'wrong_answer',
    detail: null,
    exitCode: 0,
    signal: null,
    stdout: 'out\n',
    stderr: null,
    compileOutput: null,
    cpuMs: 3,
    wallMs: 4,
    memoryKb: 200,
    testsPassed: 1,
    testsTotal: 2,
    tests: [
      { ordinal: 0, hidden: false, verdict: 'accepted', input: '1', expectedOutput: '1', actualOutput: '1', ...test },
      // Even if a hidden test's data reached the room, the console keeps verdicts and figures only.
      {
        ordinal: 1,
        hidden: true,
        verdict: 'wrong_answer',
        input: 'x',
        expectedOutput: SECRET_EXPECTED,
        actualOutput: 'y',
        ...test,
      },
    ],
    interviewId,
    problemVersionId: null,
    createdAt: new Date().toISOString(),
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
  };
}

describe('runs in the shared console', () => {
  let database: TestDatabase;
  let room: RoomFixture;
  const bus = createMemoryExecutionBus();
  const created = new EventEmitter();
  let stop: () => void;
  let collab: ReturnType<typeof createRoomCollab>;
  let repo: ReturnType<typeof createRoomsRepo>;
  let log: ReturnType<typeof createRoomLog>;

  beforeAll(async () => {
    database = await createTestDatabase();
    room = await seedRoom(database.db);
    repo = createRoomsRepo(database.db);
    log = createRoomLog({ repo, logger: quiet });
    const now = () => new Date();
    collab = createRoomCollab({ roomAccess: testRoomAccess(database.db), log, repo, logger: quiet, now });
    stop = watchRoomRuns({
      hocuspocus: collab,
      runs: {
        events: bus,
        onRoomRun(listener) {
          const wrapped = (run: RoomRun, done: () => void) => void listener(run).then(done);
          created.on('run', wrapped);
          return () => void created.off('run', wrapped);
        },
      },
      repo,
      logger: quiet,
      now,
    });
  });

  afterAll(async () => {
    stop();
    await log.close();
    await database.close();
  });

  it('writes the run into the room document as it progresses, and records it on the timeline', async () => {
    const executionId = '01900000-0000-7000-8000-000000000001';
    const run: RoomRun = {
      executionId,
      interviewId: room.interviewId,
      participantId: room.candidate.participantId,
      mode: 'test',
      language: 'python',
      at: new Date(),
    };
    // The executions module awaits the listener before queueing the run.
    await new Promise<void>((resolve) => created.emit('run', run, resolve));
    const viewer = await collab.openDirectConnection(roomDocumentName(room.interviewId));
    const entries = () =>
      viewer
        .document!.getArray(ROOM_KEYS.console)
        .toArray()
        .map((e) => ConsoleEntrySchema.parse(e));
    expect(entries()).toMatchObject([{ executionId, status: 'pending', mode: 'test' }]);

    bus.publish(executionId, { type: 'status', status: 'running' });
    bus.publish(executionId, { type: 'output', stream: 'stdout', data: 'out\n' });
    await eventually(() => expect(entries()).toMatchObject([{ status: 'running', stdout: 'out\n' }]));
    bus.publish(executionId, { type: 'done', execution: execution(executionId, room.interviewId) });
    await eventually(() =>
      expect(entries()).toMatchObject([
        {
          status: 'completed',
          verdict: 'wrong_answer',
          tests: [
            { index: 0, hidden: false, verdict: 'accepted' },
            { index: 1, hidden: true, verdict: 'wrong_answer', name: 'Hidden test 2' },
          ],
        },
      ]),
    );
    expect(JSON.stringify(viewer.document!.toJSON())).not.toContain(SECRET_EXPECTED);
    await viewer.disconnect();

    const service = createRoomsService({ repo, log });
    const principal = { kind: 'user', orgRoles: new Map([[room.orgId, 'interviewer']]) } as never;
    await eventually(async () => {
      const { events } = TimelineSchema.parse(await service.timeline(principal, room.interviewId));
      expect(events.filter((e) => e.kind === 'run')).toMatchObject([
        {
          participantId: room.candidate.participantId,
          detail: { executionId, verdict: 'wrong_answer', testsPassed: 1 },
        },
      ]);
    });
  });
});
