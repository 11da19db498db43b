import type { Hocuspocus } from '@hocuspocus/server';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db.js';
import { createGuestSessions } from '../auth/guest-sessions.js';
import type { SessionsService } from '../auth/sessions.service.js';
import type { RoomAccess } from '../interviews/room-access.js';
import type { RoomContext } from './room-context.js';
import { watchRoomRuns, type RoomRunsPort } from './room-console.js';
import { createRoomLog, type RoomLogLogger } from './room-log.js';
import { attachRoomSocket } from './room-socket.js';
import { watchInterviewStatus } from './room-status.js';
import { createRoomCollab } from './rooms.collab.js';
import { createRoomsRepo } from './rooms.repo.js';
import { roomsRoutes } from './rooms.routes.js';
import { createRoomsService, type RoomsService } from './rooms.service.js';

export interface RoomsModuleDeps {
  config: Config;
  db: Db;
  roomAccess: RoomAccess;
  sessions: SessionsService;
  logger: RoomLogLogger;
  now: () => Date;
  /** Scale-out: room updates, presence and status fan out through Redis (extension-redis). */
  redis?: Redis;
  redisPrefix?: string;
  /** Build a snapshot every this many updates (default 500). */
  snapshotEvery?: number;
  /** Runs started from rooms, for the shared console (the executions module's); absent: no console entries. */
  runs?: RoomRunsPort;
}

/**
 * Live interview rooms: Hocuspocus on the server's `/ws` upgrade, the edit
 * log and snapshots in PostgreSQL, status changes pushed into open rooms,
 * and the timeline/state routes. On close: stop accepting, close sockets,
 * commit every pending log write, let Redis go.
 */
export type { RoomRun, RoomRunsPort } from './room-console.js';

export async function registerRoomsModule(
  app: FastifyInstance,
  deps: RoomsModuleDeps,
): Promise<{ hocuspocus: Hocuspocus<RoomContext>; rooms: RoomsService }> {
  const { config, db, roomAccess, logger, now } = deps;
  const repo = createRoomsRepo(db);
  const log = createRoomLog({ repo, logger, ...(deps.snapshotEvery ? { snapshotEvery: deps.snapshotEvery } : {}) });
  const redis = deps.redis ? { connection: deps.redis, prefix: deps.redisPrefix ?? 'isel:' } : undefined;
  const hocuspocus = createRoomCollab({ roomAccess, log, repo, logger, now, ...(redis ? { redis } : {}) });
  const guests = createGuestSessions({ db, now });
  const socket = attachRoomSocket(app, {
    hocuspocus,
    config,
    logger,
    principals: { session: (t) => deps.sessions.resolve(t), guest: (t) => guests.resolve(t) },
  });
  const status = await watchInterviewStatus({ hocuspocus, roomAccess, repo, logger, ...(redis ? { redis } : {}) });
  const stopRuns = deps.runs ? watchRoomRuns({ hocuspocus, runs: deps.runs, repo, logger, now }) : () => undefined;

  app.addHook('onClose', async () => {
    stopRuns();
    await socket.close();
    await status.close();
    hocuspocus.closeConnections();
    await log.close();
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
  });

  const rooms = createRoomsService({ repo, log });
  await app.register(roomsRoutes, { rooms });
  return { hocuspocus, rooms };
}
