/**
 * Scaled mode: runners report `started` and `finished` into one Redis stream
 * (`<prefix>exec:results`); every server node reads it through one consumer
 * group, so each entry is persisted by exactly one node, and acknowledges an
 * entry only after the database write. Entries left unacknowledged by a dead
 * node are claimed by another after 30 s idle (XAUTOCLAIM). Live events skip
 * the stream: runners publish them straight on the bus.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { TestResultSchema, VerdictSchema } from '@interviewselect/contracts';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { QueueLogger } from '../../platform/queue/queue.js';
import type { ExecutionEventBus } from './execution-bus.js';
import type { ExecutionSink } from './execution-job.js';
import { toExecutionEvent } from './execution-view.js';

const GROUP = 'servers';
/** The stream keeps about this many entries; consumed ones are only history. */
const STREAM_MAX_LENGTH = 10_000;

const EngineResultSchema = z.object({
  verdict: VerdictSchema,
  detail: z.string().nullable(),
  languageVersion: z.string().nullable(),
  exitCode: z.int().nullable(),
  signal: z.string().nullable(),
  stdout: z.string().nullable(),
  stderr: z.string().nullable(),
  compileOutput: z.string().nullable(),
  cpuMs: z.number().nullable(),
  wallMs: z.number().nullable(),
  memoryKb: z.int().nullable(),
  tests: z.array(TestResultSchema),
  testsPassed: z.int().nullable(),
  testsTotal: z.int().nullable(),
});

const ResultMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started'), id: z.uuid(), attempt: z.int() }),
  z.object({ kind: z.literal('finished'), id: z.uuid(), result: EngineResultSchema }),
]);
type ResultMessage = z.infer<typeof ResultMessageSchema>;

export function resultsStreamKey(prefix: string): string {
  return `${prefix}exec:results`;
}

/** The sink of a runner process: lifecycle into the stream, live events onto the bus. */
export function createRedisResultsSink(opts: {
  redis: Redis;
  prefix: string;
  publish: ExecutionEventBus['publish'];
}): ExecutionSink {
  const append = async (message: ResultMessage) => {
    const key = resultsStreamKey(opts.prefix);
    await opts.redis.xadd(key, 'MAXLEN', '~', STREAM_MAX_LENGTH, '*', 'message', JSON.stringify(message));
  };
  return {
    async started(id, attempt) {
      await append({ kind: 'started', id, attempt });
      return true;
    },
    event: (id, event) => opts.publish(id, toExecutionEvent(event)),
    finished: (id, result) => append({ kind: 'finished', id, result }),
  };
}

/** Stream entries as ioredis returns them: [id, [field, value, …]]. */
const EntriesSchema = z.array(z.tuple([z.string(), z.array(z.string())]));

/**
 * Reads the results stream on a server node and hands each entry to `sink`
 * (the recorder). `redis` must be a dedicated connection (XREADGROUP blocks);
 * stop() disconnects it.
 */
export function createResultsConsumer(opts: {
  redis: Redis;
  prefix: string;
  sink: Pick<ExecutionSink, 'started' | 'finished'>;
  logger: QueueLogger;
  /** Entries pending this long with a (dead) consumer are taken over. */
  claimIdleMs?: number;
  blockMs?: number;
}) {
  const { redis, sink, logger } = opts;
  const key = resultsStreamKey(opts.prefix);
  const consumer = `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const claimIdleMs = opts.claimIdleMs ?? 30_000;
  const blockMs = opts.blockMs ?? 2000;
  let stopped = false;
  let loop: Promise<void> | undefined;

  async function handle(entryId: string, fields: string[]): Promise<void> {
    const raw = fields[fields.indexOf('message') + 1];
    let message: ResultMessage;
    try {
      message = ResultMessageSchema.parse(JSON.parse(raw ?? ''));
    } catch (err) {
      logger.error({ err, entryId }, 'dropped an invalid execution result entry');
      await redis.xack(key, GROUP, entryId);
      return;
    }
    try {
      if (message.kind === 'started') await sink.started(message.id, message.attempt);
      else await sink.finished(message.id, message.result);
      await redis.xack(key, GROUP, entryId);
    } catch (err) {
      // Not acknowledged: it stays pending and is claimed again after claimIdleMs.
      logger.error({ err, entryId, executionId: message.id }, 'could not store an execution result; will retry');
    }
  }

  async function handleAll(entries: unknown): Promise<void> {
    for (const [entryId, fields] of EntriesSchema.parse(entries)) await handle(entryId, fields);
  }

  async function ensureGroup(): Promise<void> {
    try {
      await redis.xgroup('CREATE', key, GROUP, '0', 'MKSTREAM');
    } catch (err) {
      if (!(err instanceof Error && err.message.includes('BUSYGROUP'))) throw err;
    }
  }

  async function claimIdle(): Promise<void> {
    let cursor = '0-0';
    do {
      const reply = await redis.xautoclaim(key, GROUP, consumer, claimIdleMs, cursor, 'COUNT', 50);
      cursor = typeof reply[0] === 'string' ? reply[0] : '0-0';
      await handleAll(reply[1] ?? []);
    } while (cursor !== '0-0' && !stopped);
  }

  async function run(): Promise<void> {
    let lastClaim = 0;
    while (!stopped) {
      try {
        if (Date.now() - lastClaim >= claimIdleMs / 2) {
          lastClaim = Date.now();
          await claimIdle();
        }
        const reply = await redis.xreadgroup(
          'GROUP',
          GROUP,
          consumer,
          'COUNT',
          50,
          'BLOCK',
          blockMs,
          'STREAMS',
          key,
          '>',
        );
        for (const [, entries] of (reply ?? []) as [string, unknown][]) await handleAll(entries);
      } catch (err) {
        if (stopped) return;
        logger.error({ err }, 'reading execution results failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000).unref());
      }
    }
  }

  return {
    consumer,
    async start(): Promise<void> {
      if (loop) return;
      await ensureGroup();
      loop = run();
    },
    async stop(): Promise<void> {
      stopped = true;
      redis.disconnect();
      await loop;
    },
  };
}
