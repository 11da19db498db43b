import {
  BookingConflictSchema,
  CreateInterviewInputSchema,
  CreateInterviewLinkInputSchema,
  InterviewLinkSchema,
  InterviewListQuerySchema,
  InterviewListSchema,
  InterviewSchema,
  InterviewTransitionInputSchema,
  MyInterviewSchema,
  RoomInfoSchema,
  UpdateInterviewInputSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { requestMeta } from '../orgs/orgs.routes.js';
import { authorize } from '../policy/policy.js';
// A leaf helper (contracts and platform only): no import cycle with scheduling, which reads interviews.
import { replySlotUnavailable } from '../scheduling/slot-unavailable.js';
import { SlotRefusedError } from './interview-bookings.js';
import type { InterviewLinksService } from './interview-links.service.js';
import type { InterviewsService, UserPrincipal } from './interviews.service.js';

const tags = ['interviews'];

/** A time the panel is not free at (scheduling, or editing a scheduled interview's time): 409 with alternatives. */
async function orSlotRefused<T>(request: FastifyRequest, reply: FastifyReply, work: Promise<T>) {
  try {
    return await work;
  } catch (error) {
    if (error instanceof SlotRefusedError) return replySlotUnavailable(request, reply, error.refusal);
    throw error;
  }
}
const InterviewParams = z.object({ interviewId: z.uuid() });
const LinkParams = z.object({ interviewId: z.uuid(), linkId: z.uuid() });

/** A signed-in account (guests act only inside their room). The interview's own rules are checked by the service through the policy. */
async function accountHolder(request: FastifyRequest): Promise<UserPrincipal> {
  const principal = await request.principal();
  if (principal.kind === 'anonymous') throw new AppError('auth.unauthenticated', 'Sign in to continue.');
  if (principal.kind === 'guest') {
    throw new AppError(
      'auth.forbidden',
      'Room guests can only use the interview room. Sign in with an account for this.',
    );
  }
  return principal;
}

/** Interviews under /api/v1/interviews (screens: Interviews list, new, detail with links; the room's info). */
export const interviewsRoutes: FastifyPluginAsync<{
  interviews: InterviewsService;
  links: InterviewLinksService;
}> = async (fastify, { interviews, links }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/interviews',
    {
      schema: {
        tags,
        summary: 'Create an interview (you become one of its interviewers)',
        body: CreateInterviewInputSchema,
        response: { 201: InterviewSchema },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'interview.create', { orgId: request.body.orgId });
      return reply.status(201).send(await interviews.create(actor, request.body, requestMeta(request)));
    },
  );

  app.get(
    '/api/v1/interviews',
    {
      schema: {
        tags,
        summary: 'An organisation’s interviews, filtered, sorted and paginated',
        querystring: InterviewListQuerySchema,
        response: { 200: InterviewListSchema },
      },
    },
    async (request) => {
      await authorize(request, 'interview.read', { orgId: request.query.orgId });
      return interviews.list(request.query);
    },
  );

  app.get(
    '/api/v1/interviews/:interviewId',
    {
      schema: {
        tags,
        summary: 'One interview with its history',
        params: InterviewParams,
        response: { 200: InterviewSchema },
      },
    },
    async (request) => interviews.get(await accountHolder(request), request.params.interviewId),
  );

  app.patch(
    '/api/v1/interviews/:interviewId',
    {
      schema: {
        tags,
        summary: 'Edit a draft or scheduled interview',
        params: InterviewParams,
        body: UpdateInterviewInputSchema,
        response: { 200: InterviewSchema, 409: BookingConflictSchema },
      },
    },
    async (request, reply) =>
      orSlotRefused(
        request,
        reply,
        interviews.update(await accountHolder(request), request.params.interviewId, request.body, requestMeta(request)),
      ),
  );

  app.post(
    '/api/v1/interviews/:interviewId/transitions',
    {
      schema: {
        tags,
        summary: 'Schedule, start, pause, resume, end or cancel an interview',
        params: InterviewParams,
        body: InterviewTransitionInputSchema,
        response: { 200: InterviewSchema, 409: BookingConflictSchema },
      },
    },
    async (request, reply) =>
      orSlotRefused(
        request,
        reply,
        interviews.transition(
          await accountHolder(request),
          request.params.interviewId,
          request.body.action,
          request.body.reason,
          requestMeta(request),
        ),
      ),
  );

  app.get(
    '/api/v1/interviews/:interviewId/links',
    {
      schema: {
        tags,
        summary: 'The interview’s invite links (state only; a link’s URL is shown once, when created)',
        params: InterviewParams,
        response: { 200: z.array(InterviewLinkSchema) },
      },
    },
    async (request) => links.list(await accountHolder(request), request.params.interviewId),
  );

  app.post(
    '/api/v1/interviews/:interviewId/links',
    {
      schema: {
        tags,
        summary: 'Create or regenerate the invite link of a role (the previous one stops working)',
        params: InterviewParams,
        body: CreateInterviewLinkInputSchema,
        response: { 201: InterviewLinkSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await links.create(
            await accountHolder(request),
            request.params.interviewId,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.post(
    '/api/v1/interviews/:interviewId/links/:linkId/revoke',
    {
      schema: { tags, summary: 'Revoke an invite link', params: LinkParams, response: { 200: InterviewLinkSchema } },
    },
    async (request) =>
      links.revoke(
        await accountHolder(request),
        request.params.interviewId,
        request.params.linkId,
        requestMeta(request),
      ),
  );

  app.get(
    '/api/v1/interviews/:interviewId/room',
    {
      schema: {
        tags,
        summary: 'What the room page needs, cut to your role (guests and accounts with a place in it)',
        params: InterviewParams,
        response: { 200: RoomInfoSchema },
      },
    },
    async (request) => {
      const principal = await request.principal();
      if (principal.kind === 'anonymous') {
        throw new AppError(
          'auth.unauthenticated',
          'Open the invite link you were sent, or sign in, to enter this room.',
        );
      }
      return interviews.roomInfo(principal, request.params.interviewId);
    },
  );

  app.get(
    '/api/v1/me/interviews',
    {
      schema: {
        tags,
        summary: 'Your own interviews (as candidate, interviewer or observer)',
        response: { 200: z.array(MyInterviewSchema) },
      },
    },
    async (request) => interviews.myInterviews(await authorize(request, 'account.manage')),
  );
};
