import { EventEmitter } from 'node:events';
import type { Hocuspocus } from '@hocuspocus/server';
import {
  INTERVIEW_STATUSES,
  privateDocumentName,
  ROOM_CLOSE_CODES,
  roomDocumentName,
  type InterviewStatus,
} from '@interviewselect/contracts';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { memberMayEnter, type InterviewStatusEvent, type RoomAccess } from '../interviews/room-access.js';
import { contextOf, memberWrites, sendServerMessage, type RoomContext } from './room-context.js';
import type { RoomLogLogger } from './room-log.js';
import type { RoomsRepo } from './rooms.repo.js';

const ControlSchema = z.object({ interviewId: z.uuid(), status: z.enum(INTERVIEW_STATUSES) });
type Control = z.infer<typeof ControlSchema>;

/** Status changes to every node: each node applies them to the connections it holds. */
interface ControlBus {
  publish(message: Control): Promise<void>;
  close(): Promise<void>;
}

function memoryBus(onMessage: (m: Control) => void): ControlBus {
  const emitter = new EventEmitter();
  emitter.on('status', onMessage);
  return {
    async publish(message) {
      emitter.emit('status', message);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

async function redisBus(
  redis: Redis,
  channel: string,
  onMessage: (m: Control) => void,
  logger: RoomLogLogger,
): Promise<ControlBus> {
  const subscriber = redis.duplicate();
  subscriber.on('error', (err: Error) => logger.warn({ err }, 'redis connection error (room status)'));
  subscriber.on('message', (_channel: string, text: string) => {
    try {
      const parsed = ControlSchema.safeParse(JSON.parse(text));
      if (parsed.success) onMessage(parsed.data);
    } catch {
      logger.warn({ channel }, 'ignored an invalid room status message');
    }
  });
  await subscriber.subscribe(channel);
  return {
    async publish(message) {
      await redis.publish(channel, JSON.stringify(message));
    },
    async close() {
      subscriber.disconnect();
    },
  };
}

/**
 * Interview status changes in the room: the node where the change happened
 * records it on the timeline and tells every node; each node sends a
 * `status` message to the public document's connections it holds and closes
 * the connections whose rights changed (ended: candidates and observers turn
 * read-only; paused/resumed: the candidate's writing), so their providers
 * reconnect and are authorised afresh.
 */
export async function watchInterviewStatus(deps: {
  hocuspocus: Hocuspocus<RoomContext>;
  roomAccess: RoomAccess;
  repo: RoomsRepo;
  logger: RoomLogLogger;
  redis?: { connection: Redis; prefix: string };
}): Promise<{ close(): Promise<void> }> {
  const { hocuspocus, repo, logger } = deps;

  function apply({ interviewId, status }: { interviewId: string; status: InterviewStatus }): void {
    for (const name of [roomDocumentName(interviewId), privateDocumentName(interviewId)]) {
      const document = hocuspocus.documents.get(name);
      if (!document) continue;
      for (const connection of document.getConnections()) {
        const ctx = contextOf(connection);
        if (!ctx) continue;
        ctx.member = { ...ctx.member, status };
        if (ctx.kind === 'room') sendServerMessage(connection, { type: 'status', status });
        const writes = memberWrites(ctx.principal, ctx.member);
        if (memberMayEnter(ctx.member) && writes !== connection.readOnly) continue;
        // Read-only at once (no window before the reconnect), then re-authorised on reconnect.
        connection.readOnly = true;
        connection.webSocket.close(ROOM_CLOSE_CODES.permissionsChanged, 'permissions changed');
      }
    }
  }

  const bus = deps.redis
    ? await redisBus(deps.redis.connection, `${deps.redis.prefix}room:status`, apply, logger)
    : memoryBus(apply);

  const unsubscribe = deps.roomAccess.onStatusChange((event: InterviewStatusEvent) => {
    const message = { interviewId: event.interviewId, status: event.status };
    Promise.all([
      bus.publish(message),
      repo.insertEvent({
        interviewId: event.interviewId,
        at: event.at,
        kind: 'status',
        participantId: null,
        label: null,
        detail: { status: event.status },
      }),
    ]).catch((err: unknown) =>
      logger.warn({ err, interviewId: event.interviewId }, 'room status change not delivered'),
    );
  });

  return {
    async close() {
      unsubscribe();
      await bus.close();
    },
  };
}
