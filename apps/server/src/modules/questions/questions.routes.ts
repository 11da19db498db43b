import {
  CandidateProblemViewSchema,
  CreateProblemInputSchema,
  DuplicateProblemInputSchema,
  ExportProblemQuerySchema,
  ProblemDetailSchema,
  ProblemListSchema,
  ProblemPackageSchema,
  ProblemSearchQuerySchema,
  ProblemVersionSchema,
  PublishResultSchema,
  UpdateProblemDraftInputSchema,
  VerificationSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../policy/policy.js';
import type { Member, QuestionsService } from './questions.service.js';
import type { VerificationsService } from './verifications.service.js';

const tags = ['questions'];
const ProblemParams = z.object({ problemId: z.uuid() });
const VerificationParams = z.object({ problemId: z.uuid(), verificationId: z.uuid() });
const VersionParams = z.object({ versionId: z.uuid() });

/**
 * Anyone who may read the bank at all: a member of some organisation (never guests or candidates);
 * with `orgId`, a member of that organisation. The problem's own rules are checked by the service.
 */
const member = (request: FastifyRequest, orgId?: string): Promise<Member> =>
  authorize(request, 'problem.read', orgId ? { orgId } : {});

/** A member who may create problems in the organisation the body names (create, import, duplicate). */
const creator = (request: FastifyRequest & { body: { orgId: string } }): Promise<Member> =>
  authorize(request, 'problem.create', { orgId: request.body.orgId });

/** The question bank under /api/v1/problems (screens: library search, problem detail, editor). */
export const questionsRoutes: FastifyPluginAsync<{
  questions: QuestionsService;
  verifications: VerificationsService;
}> = async (fastify, { questions, verifications }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/problems',
    {
      schema: {
        tags,
        summary: 'Search the public library and your organisations’ problems',
        querystring: ProblemSearchQuerySchema,
        response: { 200: ProblemListSchema },
      },
    },
    async (request) => questions.search(await member(request, request.query.orgId), request.query),
  );

  app.post(
    '/api/v1/problems',
    {
      schema: {
        tags,
        summary: 'Create a problem in an organisation (a draft, version 1)',
        body: CreateProblemInputSchema,
        response: { 201: ProblemDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await questions.create(await creator(request), request.body.orgId, request.body.package)),
  );

  app.post(
    '/api/v1/problems/import',
    {
      schema: {
        tags,
        summary: 'Import a problem package into an organisation (as a draft)',
        body: CreateProblemInputSchema,
        response: { 201: ProblemDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await questions.create(await creator(request), request.body.orgId, request.body.package)),
  );

  app.get(
    '/api/v1/problems/:problemId',
    {
      schema: {
        tags,
        summary: 'One problem in full: hidden tests, reference solutions, guide, versions, draft',
        params: ProblemParams,
        response: { 200: ProblemDetailSchema },
      },
    },
    async (request) => questions.detail(await member(request), request.params.problemId),
  );

  app.get(
    '/api/v1/problems/:problemId/preview',
    {
      schema: {
        tags,
        summary: 'The problem as the candidate will see it (the draft while there is one)',
        params: ProblemParams,
        response: { 200: CandidateProblemViewSchema },
      },
    },
    async (request) => questions.preview(await member(request), request.params.problemId),
  );

  app.put(
    '/api/v1/problems/:problemId/draft',
    {
      schema: {
        tags,
        summary: 'Edit the working draft (a published problem gets a new draft version)',
        params: ProblemParams,
        body: UpdateProblemDraftInputSchema,
        response: { 200: ProblemDetailSchema },
      },
    },
    async (request) => questions.updateDraft(await member(request), request.params.problemId, request.body.package),
  );

  app.post(
    '/api/v1/problems/:problemId/publish',
    {
      schema: {
        tags,
        summary: 'Verify every reference solution against every test, then publish the draft',
        params: ProblemParams,
        response: { 202: PublishResultSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await questions.publish(await member(request), request.params.problemId)),
  );

  app.get(
    '/api/v1/problems/:problemId/verifications/:verificationId',
    {
      schema: {
        tags,
        summary: 'A publishing verification: running, passed (published) or failed, with failing cases',
        params: VerificationParams,
        response: { 200: VerificationSchema },
      },
    },
    async (request) => {
      await questions.readable(await member(request), request.params.problemId);
      const verification = await verifications.settle(request.params.verificationId);
      if (verification?.problemId !== request.params.problemId)
        throw new AppError('resource.not_found', 'No such verification.');
      return verification;
    },
  );

  app.post(
    '/api/v1/problems/:problemId/archive',
    {
      schema: {
        tags,
        summary: 'Archive a problem (its versions stay readable)',
        params: ProblemParams,
        response: { 200: ProblemDetailSchema },
      },
    },
    async (request) => questions.archive(await member(request), request.params.problemId),
  );

  app.post(
    '/api/v1/problems/:problemId/duplicate',
    {
      schema: {
        tags,
        summary: 'Copy a problem into an organisation as a draft',
        params: ProblemParams,
        body: DuplicateProblemInputSchema,
        response: { 201: ProblemDetailSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await questions.duplicate(await creator(request), request.params.problemId, request.body.orgId)),
  );

  app.get(
    '/api/v1/problems/:problemId/export',
    {
      schema: {
        tags,
        summary: 'The problem package of the current version (or ?version=N)',
        params: ProblemParams,
        querystring: ExportProblemQuerySchema,
        response: { 200: ProblemPackageSchema },
      },
    },
    async (request) => questions.exportPackage(await member(request), request.params.problemId, request.query.version),
  );

  app.get(
    '/api/v1/problem-versions/:versionId',
    {
      schema: {
        tags,
        summary: 'One problem version, whole (interviews and reports point at versions)',
        params: VersionParams,
        response: { 200: ProblemVersionSchema },
      },
    },
    async (request) => questions.version(await member(request), request.params.versionId),
  );
};
