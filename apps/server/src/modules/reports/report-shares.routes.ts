import {
  CandidateFeedbackSchema,
  CreateReportShareInputSchema,
  InterviewReleaseSchema,
  OpenSharedReportInputSchema,
  ReleaseInputSchema,
  ReplayLogSchema,
  ReportShareCreatedSchema,
  ReportShareListSchema,
  ReportShareSchema,
  SharedReportSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMeta } from '../orgs/orgs.routes.js';
import { accountHolder } from '../scorecards/scorecards.routes.js';
import type { PdfPrinter } from './report-pdf.js';
import type { ReportSharesService } from './report-shares.service.js';
import { sendReportPdf } from './reports.routes.js';

const tags = ['reports'];
const InterviewParams = z.object({ interviewId: z.uuid() });
const ShareParams = z.object({ shareId: z.uuid() });

/**
 * Share links of reports (screen: report → Share) and the feedback released to
 * the candidate (report → Release to candidate; the candidate's My interviews).
 */
export const reportSharesRoutes: FastifyPluginAsync<{ shares: ReportSharesService; printer: PdfPrinter }> = async (
  fastify,
  { shares, printer },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/interviews/:interviewId/report/shares',
    {
      schema: {
        tags,
        summary:
          'Share the report read-only with someone outside the organisation: an expiring, revocable link (the report is frozen as you see it now)',
        params: InterviewParams,
        body: CreateReportShareInputSchema,
        response: { 201: ReportShareCreatedSchema },
      },
    },
    async (request, reply) => {
      const actor = await accountHolder(request);
      const created = await shares.create(actor, request.params.interviewId, request.body, requestMeta(request));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/interviews/:interviewId/report/shares',
    {
      schema: {
        tags,
        summary: 'The report’s share links, newest first, with how often each was opened',
        params: InterviewParams,
        response: { 200: ReportShareListSchema },
      },
    },
    async (request) => ({
      shares: await shares.list(await accountHolder(request), request.params.interviewId),
    }),
  );

  app.post(
    '/api/v1/report-shares/:shareId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a share link: it stops working at once',
        params: ShareParams,
        response: { 200: ReportShareSchema },
      },
    },
    async (request) => shares.revoke(await accountHolder(request), request.params.shareId, requestMeta(request)),
  );

  app.post(
    '/api/v1/shared-reports/open',
    {
      schema: {
        tags,
        summary:
          'Open a shared report with its link’s token (no account needed; every opening is audited). `format: pdf` answers with the PDF',
        body: OpenSharedReportInputSchema,
        response: { 200: SharedReportSchema },
      },
    },
    async (request, reply) => {
      const shared = await shares.open(request.body.token, request.body.format, requestMeta(request));
      reply.header('cache-control', 'private, no-store');
      if (request.body.format === 'json') return shared;
      return sendReportPdf(reply, shared.report, printer);
    },
  );

  app.post(
    '/api/v1/shared-reports/replay',
    {
      schema: {
        tags,
        summary:
          'The session replay of a shared report, when the link includes it (the public room document and its timeline; never notes)',
        body: OpenSharedReportInputSchema.pick({ token: true }),
        response: { 200: ReplayLogSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return shares.openReplay(request.body.token, requestMeta(request));
    },
  );

  app.get(
    '/api/v1/interviews/:interviewId/release',
    {
      schema: {
        tags,
        summary: 'What was released to the candidate (null: nothing yet)',
        params: InterviewParams,
        response: { 200: z.object({ release: InterviewReleaseSchema.nullable() }) },
      },
    },
    async (request) => ({ release: await shares.release(await accountHolder(request), request.params.interviewId) }),
  );

  app.put(
    '/api/v1/interviews/:interviewId/release',
    {
      schema: {
        tags,
        summary:
          'Release feedback to the candidate (and optionally their final code and the reference solutions), frozen as they are now; once the interview has ended',
        params: InterviewParams,
        body: ReleaseInputSchema,
        response: { 200: InterviewReleaseSchema },
      },
    },
    async (request) =>
      shares.setRelease(await accountHolder(request), request.params.interviewId, request.body, requestMeta(request)),
  );

  app.delete(
    '/api/v1/interviews/:interviewId/release',
    {
      schema: {
        tags,
        summary: 'Withdraw what was released to the candidate',
        params: InterviewParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await shares.withdrawRelease(await accountHolder(request), request.params.interviewId, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/interviews/:interviewId/feedback',
    {
      schema: {
        tags,
        summary: 'Your feedback as a candidate: what the organisation released to you',
        params: InterviewParams,
        response: { 200: CandidateFeedbackSchema },
      },
    },
    async (request) => shares.candidateFeedback(await accountHolder(request), request.params.interviewId),
  );
};
