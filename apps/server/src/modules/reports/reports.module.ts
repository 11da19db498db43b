import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db.js';
import type { AuditService } from '../audit/audit.service.js';
import type { InterviewsService } from '../interviews/interviews.service.js';
import type { QuestionBankPort } from '../interviews/question-bank.js';
import type { ReplayService } from '../replay/replay.service.js';
import type { RoomsService } from '../rooms/rooms.service.js';
import type { ScorecardsService } from '../scorecards/scorecards.service.js';
import { createNarrativeService } from './narrative.js';
import { narrativeRoutes } from './narrative.routes.js';
import { createChromiumPrinter, type PdfPrinter } from './report-pdf.js';
import { createReportSharesRepo } from './report-shares.repo.js';
import { reportSharesRoutes } from './report-shares.routes.js';
import { createReportSharesService } from './report-shares.service.js';
import { createReportsRepo } from './reports.repo.js';
import { reportsRoutes } from './reports.routes.js';
import { createReportsService } from './reports.service.js';

/**
 * Interview reports (JSON and PDF) with their summary and narrative, share
 * links and the feedback released to candidates. Register after the
 * interviews, scorecards and rooms modules.
 */
export async function registerReportsModule(
  app: FastifyInstance,
  deps: {
    config: Config;
    db: Db;
    interviews: InterviewsService;
    rooms: RoomsService;
    scorecards: ScorecardsService;
    bank: QuestionBankPort;
    audit: AuditService;
    replay: Pick<ReplayService, 'replayLog'>;
    now: () => Date;
    printer?: PdfPrinter;
    /** The HTTP client the narrative uses to reach LLM_BASE_URL (tests may pass their own). */
    fetch?: typeof fetch;
  },
): Promise<void> {
  const repo = createReportsRepo(deps.db);
  const reports = createReportsService({
    repo,
    interviews: deps.interviews,
    rooms: deps.rooms,
    scorecards: deps.scorecards,
    now: deps.now,
    aiAvailable: deps.config.llm !== null,
  });
  const printer =
    deps.printer ??
    createChromiumPrinter({
      chromiumPath: deps.config.reports.chromiumPath,
      concurrency: deps.config.reports.pdfConcurrency,
    });
  await app.register(reportsRoutes, { reports, printer });
  const narratives = createNarrativeService({
    repo,
    reports,
    llm: deps.config.llm,
    audit: deps.audit,
    now: deps.now,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  await app.register(narrativeRoutes, { narratives });
  const shares = createReportSharesService({
    repo: createReportSharesRepo(deps.db),
    reports,
    interviews: deps.interviews,
    bank: deps.bank,
    audit: deps.audit,
    replay: deps.replay,
    publicUrl: deps.config.publicUrl,
    now: deps.now,
  });
  await app.register(reportSharesRoutes, { shares, printer });
}
