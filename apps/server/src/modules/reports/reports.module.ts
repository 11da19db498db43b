import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db.js';
import type { InterviewsService } from '../interviews/interviews.service.js';
import type { RoomsService } from '../rooms/rooms.service.js';
import type { ScorecardsService } from '../scorecards/scorecards.service.js';
import { createChromiumPrinter, type PdfPrinter } from './report-pdf.js';
import { createReportsRepo } from './reports.repo.js';
import { reportsRoutes } from './reports.routes.js';
import { createReportsService } from './reports.service.js';

/** Interview reports (JSON and PDF). Register after the interviews, scorecards and rooms modules. */
export async function registerReportsModule(
  app: FastifyInstance,
  deps: {
    config: Config;
    db: Db;
    interviews: InterviewsService;
    rooms: RoomsService;
    scorecards: ScorecardsService;
    now: () => Date;
    printer?: PdfPrinter;
  },
): Promise<void> {
  const reports = createReportsService({
    repo: createReportsRepo(deps.db),
    interviews: deps.interviews,
    rooms: deps.rooms,
    scorecards: deps.scorecards,
    now: deps.now,
  });
  const printer =
    deps.printer ??
    createChromiumPrinter({
      chromiumPath: deps.config.reports.chromiumPath,
      concurrency: deps.config.reports.pdfConcurrency,
    });
  await app.register(reportsRoutes, { reports, printer });
}
