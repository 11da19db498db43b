import { ReplayLogSchema } from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReplayService } from './replay.service.js';

const Params = z.object({ interviewId: z.uuid() });

/** The session replay for the organisation. */
export const replayRoutes: FastifyPluginAsync<{ replay: ReplayService }> = async (fastify, { replay }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/interviews/:interviewId/replay',
    {
      schema: {
        tags: ['replay'],
        summary: 'The public document’s whole edit log (packed) and the timeline markers, for the replay player',
        params: Params,
        response: { 200: ReplayLogSchema },
      },
    },
    async (request) => replay.replay(await request.principal(), request.params.interviewId),
  );
};
