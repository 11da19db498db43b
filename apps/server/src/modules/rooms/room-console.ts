import type { Hocuspocus } from '@hocuspocus/server';
import {
  ROOM_KEYS,
  roomDocumentName,
  type ConsoleEntry,
  type Execution,
  type ExecutionEvent,
  type ExecutionMode,
  type LanguageId,
} from '@interviewselect/contracts';
import type { ExecutionEventBus } from '../executions/execution-bus.js';
import { ANONYMOUS } from '../auth/principal.js';
import { contextOf, type RoomContext } from './room-context.js';
import type { RoomLogLogger } from './room-log.js';
import type { RoomsRepo } from './rooms.repo.js';

/** An execution started from a room (it carries an interviewId). */
export interface RoomRun {
  executionId: string;
  interviewId: string;
  /** The participant who ran it (interview_participants.id). */
  participantId: string | null;
  /** Their label in the room (anonymised in anonymous mode), when the executions module knows it. */
  label?: string;
  mode: ExecutionMode;
  language: LanguageId;
  at: Date;
}

/**
 * What the executions module offers the room: its live event bus (already
 * redacted for viewers: hidden tests carry verdicts and figures only) and a
 * notification for every execution created with an interviewId, before it
 * is queued (so no event is missed).
 */
export interface RoomRunsPort {
  events: ExecutionEventBus;
  onRoomRun(listener: (run: RoomRun) => Promise<void>): () => void;
}

/** Output kept per entry in the shared console (the full output stays on the execution). */
const MAX_OUTPUT = 16 * 1024;
/** Live output is written to the document at most this often per run (each write replaces the entry). */
const OUTPUT_INTERVAL_MS = 250;

const clip = (s: string) => (s.length > MAX_OUTPUT ? `${s.slice(0, MAX_OUTPUT)}\n… (output truncated)` : s);

function finalEntry(entry: ConsoleEntry, execution: Execution): ConsoleEntry {
  return {
    ...entry,
    status: execution.status,
    verdict: execution.verdict,
    stdout: clip(execution.stdout ?? entry.stdout),
    stderr: clip([execution.compileOutput, execution.stderr].filter(Boolean).join('\n') || entry.stderr),
    timeMs: execution.wallMs,
    memoryKb: execution.memoryKb,
    tests: execution.tests.map((t) => ({
      index: t.ordinal,
      name: `${t.hidden ? 'Hidden test' : 'Test'} ${t.ordinal + 1}`,
      hidden: t.hidden,
      verdict: t.verdict,
      timeMs: t.wallMs,
      memoryKb: t.memoryKb,
    })),
  };
}

/**
 * Runs in the shared console: the room document's `console` array gets an
 * entry when a run starts, rewritten as it progresses (status, output, tests)
 * and completed with the verdict; the finished run is a timeline event. The
 * node where the run was created writes it (through a direct connection,
 * so the document loads if nobody is connected here; Redis carries it to the
 * other nodes).
 */
export function watchRoomRuns(deps: {
  hocuspocus: Hocuspocus<RoomContext>;
  runs: RoomRunsPort;
  repo: RoomsRepo;
  logger: RoomLogLogger;
  now: () => Date;
}): () => void {
  const { hocuspocus, runs, repo, logger } = deps;
  const serverContext: RoomContext = { principal: ANONYMOUS, actor: null };

  function labelOf(run: RoomRun): Promise<string> {
    if (run.label) return Promise.resolve(run.label);
    const document = hocuspocus.documents.get(roomDocumentName(run.interviewId));
    for (const connection of document?.getConnections() ?? []) {
      const member = contextOf(connection)?.member;
      if (member && member.participantId === run.participantId) return Promise.resolve(member.label);
    }
    return run.participantId ? repo.participantLabel(run.interviewId, run.participantId) : Promise.resolve('Someone');
  }

  async function track(run: RoomRun): Promise<void> {
    const direct = await hocuspocus.openDirectConnection(roomDocumentName(run.interviewId), serverContext);
    let entry: ConsoleEntry = {
      executionId: run.executionId,
      at: run.at.getTime(),
      by: (await labelOf(run)) || 'Someone',
      mode: run.mode,
      language: run.language,
      status: 'pending',
      verdict: null,
      stdout: '',
      stderr: '',
      timeMs: null,
      memoryKb: null,
      tests: [],
    };
    let timer: NodeJS.Timeout | null = null;

    const write = () =>
      direct.transact((doc) => {
        const log = doc.getArray<ConsoleEntry>(ROOM_KEYS.console);
        const index = log.toArray().findIndex((e) => e.executionId === entry.executionId);
        if (index >= 0) log.delete(index, 1);
        log.insert(index >= 0 ? index : log.length, [entry]);
      });
    const writeSoon = () => {
      timer ??= setTimeout(() => {
        timer = null;
        void write();
      }, OUTPUT_INTERVAL_MS);
    };

    await write();
    let unsubscribe: () => void = () => undefined;
    const onEvent = (event: ExecutionEvent) => {
      switch (event.type) {
        case 'status':
          entry = { ...entry, status: event.status };
          return void write();
        case 'output':
          entry = { ...entry, [event.stream]: clip(entry[event.stream] + event.data) };
          return writeSoon();
        case 'test':
          entry = {
            ...entry,
            tests: [
              ...entry.tests,
              {
                index: event.test.ordinal,
                name: `${event.test.hidden ? 'Hidden test' : 'Test'} ${event.test.ordinal + 1}`,
                hidden: event.test.hidden,
                verdict: event.test.verdict,
                timeMs: event.test.wallMs,
                memoryKb: event.test.memoryKb,
              },
            ],
          };
          return writeSoon();
        case 'done': {
          if (timer) clearTimeout(timer);
          entry = finalEntry(entry, event.execution);
          unsubscribe();
          const { execution } = event;
          void (async () => {
            await write();
            await direct.disconnect();
            await repo.insertEvent({
              interviewId: run.interviewId,
              at: deps.now(),
              kind: 'run',
              participantId: run.participantId,
              label: entry.by,
              detail: {
                executionId: execution.id,
                mode: execution.mode,
                language: execution.language,
                status: execution.status,
                verdict: execution.verdict,
                testsPassed: execution.testsPassed,
                testsTotal: execution.testsTotal,
                timeMs: execution.wallMs,
              },
            });
          })().catch((err: unknown) => logger.warn({ err, executionId: run.executionId }, 'room run not recorded'));
        }
      }
    };
    unsubscribe = await runs.events.subscribe(run.executionId, onEvent);
  }

  return runs.onRoomRun(async (run) => {
    try {
      await track(run);
    } catch (err) {
      // The run itself goes on; only its live view in the room is missing.
      logger.warn({ err, executionId: run.executionId }, 'could not show a run in the room console');
    }
  });
}
