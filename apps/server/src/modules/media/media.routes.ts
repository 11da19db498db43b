import { IceServersResponseSchema } from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MediaService } from './media.service.js';

const Params = z.object({ interviewId: z.uuid() });

/** Calls in rooms (signalling itself runs over the room socket). */
export const mediaRoutes: FastifyPluginAsync<{ media: MediaService }> = async (fastify, { media }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/interviews/:interviewId/media/ice-servers',
    {
      schema: {
        tags: ['media'],
        summary: 'STUN/TURN servers for the room’s call, with time-limited TURN credentials (room members)',
        params: Params,
        response: { 200: IceServersResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return media.iceServers(await request.principal(), request.params.interviewId);
    },
  );
};
