import { RoomStateSchema, TimelineSchema } from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoomsService } from './rooms.service.js';

const tags = ['rooms'];
const Params = z.object({ interviewId: z.uuid() });
const StateQuery = z.object({ at: z.iso.datetime({ offset: true }) });

/** A room's history for the organisation: its timeline and its public document at a moment. */
export const roomsRoutes: FastifyPluginAsync<{ rooms: RoomsService }> = async (fastify, { rooms }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/interviews/:interviewId/timeline',
    {
      schema: {
        tags,
        summary: 'The room’s timeline: joins, leaves, language switches, chat, runs, signals, status, edits',
        params: Params,
        response: { 200: TimelineSchema },
      },
    },
    async (request) => rooms.timeline(await request.principal(), request.params.interviewId),
  );

  app.get(
    '/api/v1/interviews/:interviewId/state',
    {
      schema: {
        tags,
        summary: 'The room’s shared document (code, language, chat) as it was at a moment',
        params: Params,
        querystring: StateQuery,
        response: { 200: RoomStateSchema },
      },
    },
    async (request) => rooms.stateAt(await request.principal(), request.params.interviewId, new Date(request.query.at)),
  );
};
