/**
 * Live events of executions, by execution id: the SSE route (and later the
 * room socket) subscribes, recorders and runners publish. In-process when
 * embedded; Redis pub/sub when REDIS_URL is set, so a client on any node sees
 * a run executed anywhere. Events on the bus are already redacted for viewers.
 */
import { EventEmitter } from 'node:events';
import { ExecutionEventSchema, type ExecutionEvent } from '@interviewselect/contracts';
import type { Redis } from 'ioredis';
import type { QueueLogger } from '../../platform/queue/queue.js';

export type ExecutionListener = (event: ExecutionEvent) => void;

export interface ExecutionEventBus {
  publish(id: string, event: ExecutionEvent): void;
  /** Resolves once the subscription is live (Redis SUBSCRIBE acknowledged) with its unsubscribe function. */
  subscribe(id: string, listener: ExecutionListener): Promise<() => void>;
  close(): Promise<void>;
}

export function createMemoryExecutionBus(): ExecutionEventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (id, event) => void emitter.emit(id, event),
    async subscribe(id, listener) {
      emitter.on(id, listener);
      return () => void emitter.off(id, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/** The Redis channel of one execution's live events. */
export function executionChannel(prefix: string, id: string): string {
  return `${prefix}exec:${id}`;
}

/**
 * Redis pub/sub bus. `publisher` may be a shared connection; `subscriber`
 * must be dedicated (a subscribed connection can do nothing else) and is
 * closed by close().
 */
export function createRedisExecutionBus(opts: {
  publisher: Redis;
  subscriber: Redis;
  prefix: string;
  logger: QueueLogger;
}): ExecutionEventBus {
  const { publisher, subscriber, prefix, logger } = opts;
  const listeners = new Map<string, Set<ExecutionListener>>();
  subscriber.on('message', (channel: string, message: string) => {
    const set = listeners.get(channel);
    if (!set) return;
    const parsed = ExecutionEventSchema.safeParse(safeJson(message));
    if (!parsed.success) return logger.warn({ channel }, 'ignored an invalid execution event');
    for (const listener of set) listener(parsed.data);
  });
  subscriber.on('error', (err: Error) => logger.error({ err }, 'redis connection error (execution events)'));

  return {
    publish: createRedisExecutionPublisher(publisher, prefix, logger),
    async subscribe(id, listener) {
      const channel = executionChannel(prefix, id);
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(listener);
      await subscriber.subscribe(channel);
      return () => {
        const current = listeners.get(channel);
        current?.delete(listener);
        if (current?.size === 0) {
          listeners.delete(channel);
          subscriber.unsubscribe(channel).catch(() => undefined);
        }
      };
    },
    async close() {
      listeners.clear();
      subscriber.disconnect();
    },
  };
}

/** Publishing half of the Redis bus, for runner processes (which never subscribe). */
export function createRedisExecutionPublisher(
  redis: Redis,
  prefix: string,
  logger: QueueLogger,
): ExecutionEventBus['publish'] {
  return (id, event) => {
    redis
      .publish(executionChannel(prefix, id), JSON.stringify(event))
      .catch((err: unknown) => logger.warn({ err, executionId: id }, 'could not publish an execution event'));
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
