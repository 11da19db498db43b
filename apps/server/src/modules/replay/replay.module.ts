import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db.js';
import { createReplayRepo } from './replay.repo.js';
import { replayRoutes } from './replay.routes.js';
import { createReplayService, type ReplayService } from './replay.service.js';

/** The session replay (the room log read back for the player). Returns the service for share links. */
export async function registerReplayModule(app: FastifyInstance, deps: { db: Db }): Promise<{ replay: ReplayService }> {
  const replay = createReplayService({ repo: createReplayRepo(deps.db) });
  await app.register(replayRoutes, { replay });
  return { replay };
}
