import { CalendarEntriesQuerySchema, CalendarEntriesSchema } from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../policy/policy.js';
import type { CalendarEntriesService } from './calendar-entries.service.js';

/** The calendar views' data (screen: Calendar). Moving an entry uses POST /api/v1/interviews/:id/booking. */
export const calendarEntriesRoutes: FastifyPluginAsync<{ entries: CalendarEntriesService }> = async (
  fastify,
  { entries },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/calendar/entries',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Interviews with a time in a range (at most 62 days): your own, or everyone’s for managers',
        querystring: CalendarEntriesQuerySchema,
        response: { 200: CalendarEntriesSchema },
      },
    },
    async (request) =>
      entries.entries(await authorize(request, 'interview.read', { orgId: request.query.orgId }), request.query),
  );
};
