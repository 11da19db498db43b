import { InterviewReportSchema, ReportQuerySchema, type InterviewReport } from '@interviewselect/contracts';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountHolder } from '../scorecards/scorecards.routes.js';
import { renderReportHtml } from './report-html.js';
import type { PdfPrinter } from './report-pdf.js';
import type { ReportsService } from './reports.service.js';

const Params = z.object({ interviewId: z.uuid() });

/** A file name from the interview title: letters, digits and dashes only. */
function fileName(title: string, ext: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'interview'}-report.${ext}`;
}

/** Prints the report and sends it as a PDF (a Buffer is sent as it is: a route's JSON schema does not apply). */
export async function sendReportPdf(reply: FastifyReply, report: InterviewReport, printer: PdfPrinter) {
  const pdf = await printer.print(renderReportHtml(report));
  return reply.type('application/pdf').send(pdf);
}

/** The interview report (screen: interview → Report), as JSON or a PDF printed by headless Chromium. */
export const reportsRoutes: FastifyPluginAsync<{ reports: ReportsService; printer: PdfPrinter }> = async (
  fastify,
  { reports, printer },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/interviews/:interviewId/report',
    {
      schema: {
        tags: ['reports'],
        summary:
          'The interview report: candidate, questions, final code, runs with per-test verdicts, integrity signals, chat, scorecards and the consolidated decision (`format=pdf` for a PDF)',
        params: Params,
        querystring: ReportQuerySchema,
        response: { 200: InterviewReportSchema },
      },
    },
    async (request, reply) => {
      const report = await reports.build(await accountHolder(request), request.params.interviewId);
      const { format, download } = request.query;
      reply.header('cache-control', 'private, no-store');
      if (download === '1') {
        reply.header('content-disposition', `attachment; filename="${fileName(report.interview.title, format)}"`);
      }
      if (format === 'json') return report;
      return sendReportPdf(reply, report, printer);
    },
  );
};
