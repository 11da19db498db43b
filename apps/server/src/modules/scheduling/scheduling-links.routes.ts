import {
  BookingConflictSchema,
  CreateSchedulingLinkInputSchema,
  SchedulingLinkSchema,
  SchedulingTokenInputSchema,
  SelfBookInputSchema,
  SelfScheduleSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMeta } from '../orgs/orgs.routes.js';
import { authorize } from '../policy/policy.js';
import type { SchedulingLinksService } from './scheduling-links.service.js';
import { replySlotUnavailable } from './slot-unavailable.js';

const tags = ['scheduling'];
const InterviewParams = z.object({ interviewId: z.uuid() });
const LinkParams = z.object({ interviewId: z.uuid(), linkId: z.uuid() });

/**
 * Self-scheduling links: managed on the interview by its recruiters and
 * interviewers; opened by the candidate without an account (POST with the
 * token in the body, read by the web app from the link's #fragment).
 */
export const schedulingLinksRoutes: FastifyPluginAsync<{ links: SchedulingLinksService }> = async (
  fastify,
  { links },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/interviews/:interviewId/scheduling-links',
    {
      schema: {
        tags,
        summary: 'The interview’s self-scheduling links (state only)',
        params: InterviewParams,
        response: { 200: z.array(SchedulingLinkSchema) },
      },
    },
    async (request) => links.list(await authorize(request, 'account.manage'), request.params.interviewId),
  );

  app.post(
    '/api/v1/interviews/:interviewId/scheduling-links',
    {
      schema: {
        tags,
        summary: 'Create a self-scheduling link offering the panel’s slots in a window (its URL is shown once)',
        params: InterviewParams,
        body: CreateSchedulingLinkInputSchema,
        response: { 201: SchedulingLinkSchema },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'account.manage');
      const link = await links.create(actor, request.params.interviewId, request.body, requestMeta(request));
      return reply.status(201).send(link);
    },
  );

  app.post(
    '/api/v1/interviews/:interviewId/scheduling-links/:linkId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a self-scheduling link',
        params: LinkParams,
        response: { 200: SchedulingLinkSchema },
      },
    },
    async (request) =>
      links.revoke(
        await authorize(request, 'account.manage'),
        request.params.interviewId,
        request.params.linkId,
        requestMeta(request),
      ),
  );

  app.post(
    '/api/v1/scheduling-links/lookup',
    {
      schema: {
        tags,
        summary: 'What a self-scheduling link offers (public: whoever holds the token)',
        body: SchedulingTokenInputSchema,
        response: { 200: SelfScheduleSchema },
      },
    },
    async (request) => links.lookup(request.body.token),
  );

  app.post(
    '/api/v1/scheduling-links/book',
    {
      schema: {
        tags,
        summary: 'Pick a slot through a self-scheduling link (public: whoever holds the token)',
        body: SelfBookInputSchema,
        response: { 200: SelfScheduleSchema, 409: BookingConflictSchema },
      },
    },
    async (request, reply) => {
      const { token, start, reason, timeZone } = request.body;
      const result = await links.book(token, start, reason, timeZone);
      return result.ok ? links.lookup(request.body.token) : replySlotUnavailable(request, reply, result);
    },
  );
};
