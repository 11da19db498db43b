import {
  InterviewScorecardsSchema,
  OpenScorecardInputSchema,
  SaveScorecardInputSchema,
  ScorecardSchema,
  SubmitScorecardInputSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMeta } from '../orgs/orgs.routes.js';
import { authorize } from '../policy/policy.js';
import type { UserPrincipal } from './scorecard-templates.service.js';
import type { ScorecardsService } from './scorecards.service.js';

const tags = ['scorecards'];
const InterviewParams = z.object({ interviewId: z.uuid() });
const ScorecardParams = z.object({ scorecardId: z.uuid() });

/** A signed-in account (guests get 403: they never reach scorecards); the services apply the rules. */
export const accountHolder = (request: FastifyRequest): Promise<UserPrincipal> => authorize(request, 'account.manage');

/** Scorecards under /api/v1 (screens: interview detail → Scorecard, consolidated feedback). */
export const scorecardsRoutes: FastifyPluginAsync<{ scorecards: ScorecardsService }> = async (
  fastify,
  { scorecards },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/interviews/:interviewId/scorecards',
    {
      schema: {
        tags,
        summary: 'Scorecard progress, the scorecards you may read, and the consolidated view once all are in',
        params: InterviewParams,
        response: { 200: InterviewScorecardsSchema },
      },
    },
    async (request) => scorecards.forInterview(await accountHolder(request), request.params.interviewId),
  );

  app.post(
    '/api/v1/interviews/:interviewId/scorecards',
    {
      schema: {
        tags,
        summary: 'Open your own scorecard for an interview (created on first call: 201; afterwards 200)',
        params: InterviewParams,
        body: OpenScorecardInputSchema,
        response: { 200: ScorecardSchema, 201: ScorecardSchema },
      },
    },
    async (request, reply) => {
      const actor = await accountHolder(request);
      const opened = await scorecards.open(actor, request.params.interviewId, request.body, requestMeta(request));
      return reply.status(opened.created ? 201 : 200).send(opened.scorecard);
    },
  );

  app.get(
    '/api/v1/scorecards/:scorecardId',
    {
      schema: {
        tags,
        summary: 'One scorecard (yours; others’ only after you submitted yours — ADR 0010)',
        params: ScorecardParams,
        response: { 200: ScorecardSchema },
      },
    },
    async (request) => scorecards.get(await accountHolder(request), request.params.scorecardId),
  );

  app.put(
    '/api/v1/scorecards/:scorecardId',
    {
      schema: {
        tags,
        summary: 'Save your draft (autosave); 409 when it changed elsewhere since `revision`, or was submitted',
        params: ScorecardParams,
        body: SaveScorecardInputSchema,
        response: { 200: ScorecardSchema },
      },
    },
    async (request) => scorecards.save(await accountHolder(request), request.params.scorecardId, request.body),
  );

  app.post(
    '/api/v1/scorecards/:scorecardId/submit',
    {
      schema: {
        tags,
        summary: 'Submit your scorecard (complete, after the interview ended); it is locked afterwards',
        params: ScorecardParams,
        body: SubmitScorecardInputSchema,
        response: { 200: ScorecardSchema },
      },
    },
    async (request) =>
      scorecards.submit(
        await accountHolder(request),
        request.params.scorecardId,
        request.body.revision,
        requestMeta(request),
      ),
  );
};
