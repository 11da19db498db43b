import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { RoomAccess } from '../interviews/room-access.js';
import { mediaRoutes } from './media.routes.js';
import { createMediaService } from './media.service.js';

/**
 * Audio/video calls in rooms: the ICE-server endpoint here; signalling is a
 * part of the room socket (media-signalling.ts, relayed by media-relay.ts).
 */
export async function registerMediaModule(
  app: FastifyInstance,
  deps: { config: Config; roomAccess: RoomAccess; now: () => Date },
): Promise<void> {
  const media = createMediaService({ config: deps.config.media, roomAccess: deps.roomAccess, now: deps.now });
  await app.register(mediaRoutes, { media });
}
