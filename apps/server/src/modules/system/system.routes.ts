import { SystemInfoSchema } from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SystemService } from './system.service.js';

export const systemRoutes: FastifyPluginAsync<{ system: SystemService }> = async (fastify, { system }) => {
  fastify.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/system',
    {
      schema: {
        tags: ['system'],
        summary: 'Deployment facts: version, runtime, backends and entity counts',
        response: { 200: SystemInfoSchema },
      },
    },
    async () => system.describe(),
  );
};
