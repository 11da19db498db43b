import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { registerCalendarModule } from './modules/calendar/calendar.module.js';
import { mailRoutes } from './modules/mail/mail.routes.js';
import type { MailService } from './modules/mail/mail.service.js';
import type { Redis } from 'ioredis';
import { createAuditRepo } from './modules/audit/audit.repo.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { registerAdminModule } from './modules/admin/admin.module.js';
import { registerAuthModule } from './modules/auth/auth.module.js';
import { registerOrgsModule } from './modules/orgs/orgs.module.js';
import { registerInterviewsModule } from './modules/interviews/interviews.module.js';
import { registerExecutionsModule } from './modules/executions/executions.module.js';
import type { ProblemTestsPort } from './modules/executions/executions.service.js';
import type { ExecutionEngine, TerminalManager } from './modules/executions/execution-engine.js';
import { registerTerminalsModule } from './modules/terminals/terminals.module.js';
import type { RoomAccess } from './modules/interviews/room-access.js';
import { registerRoomsModule } from './modules/rooms/rooms.module.js';
import { registerReplayModule } from './modules/replay/replay.module.js';
import { registerMediaModule } from './modules/media/media.module.js';
import { createProblemTestsPort } from './modules/questions/problem-tests.js';
import { createQuestionBankPort } from './modules/questions/question-bank-port.js';
import { registerQuestionsModule } from './modules/questions/questions.module.js';
import { registerScorecardsModule } from './modules/scorecards/scorecards.module.js';
import { registerReportsModule } from './modules/reports/reports.module.js';
import { registerRecordingsModule } from './modules/recordings/recordings.module.js';
import type { ObjectStorage } from './platform/storage/object-storage.js';
import type { JobQueue } from './platform/queue/queue.js';
import { registerPrivacyModule } from './modules/privacy/privacy.module.js';
import { registerSchedulingModule } from './modules/scheduling/scheduling.module.js';
import { createHealthService, type ReadinessProbe } from './modules/health/health.service.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { createSystemRepo } from './modules/system/system.repo.js';
import { createSystemService } from './modules/system/system.service.js';
import { systemRoutes } from './modules/system/system.routes.js';
import type { Database } from './platform/db.js';
import { registerErrorHandling } from './platform/errors.js';
import { registerMetrics } from './platform/metrics.js';
import { countPendingMigrations } from './platform/migrations.js';
import { registerOpenApi } from './platform/openapi.js';
import { registerSecurityHeaders } from './platform/security-headers.js';
import { serverVersion } from './platform/version.js';
import { registerWebApp } from './platform/web-app.js';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Extra readiness probes (Redis, queue) added by main.ts when those are configured. */
  probes?: Record<string, ReadinessProbe>;
  queueKind?: 'postgres' | 'bullmq';
  startedAt?: Date;
  /** The process logger; tests pass false for silence. */
  logger: FastifyBaseLogger | false;
  /** Outgoing e-mail (account links, invitations); the dev mailbox route is served when config.devMailbox is on. */
  mail: MailService;
  /** Shared Redis connection when REDIS_URL is set (login throttling, caches). */
  redis?: Redis;
  /** Namespace for Redis keys; default `isel:`. */
  redisPrefix?: string;
  now?: () => Date;
  /** The job queue (executions are queued through it; main.ts starts and stops it). */
  queue?: JobQueue;
  /** The sandbox engine when this process runs code (RUNNER_MODE=embedded); absent: no code execution here. */
  engine?: ExecutionEngine;
  /** The question bank's tests of a problem version; default: the questions module's (tests may replace it). */
  problemTests?: ProblemTestsPort;
  /** Interactive terminal sessions when this host can sandbox; absent: terminals answer "not available". */
  terminals?: TerminalManager;
  /** Replaces the interviews module's RoomAccess for the room socket (tests drive status changes through it). */
  roomAccess?: RoomAccess;
  /** Replaces the configured object storage of recordings (tests inject faults through it). */
  recordingStorage?: ObjectStorage;
}

/** An incoming X-Request-Id is kept when it looks like an id, so traces join across proxies. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the whole HTTP application without listening: main.ts listens,
 * tests use inject(). Nothing here reads process.env.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Order matters: hooks and handlers must exist before the routes they cover.
  await registerSecurityHeaders(app, { isHttps: config.isHttps });
  const metrics = registerMetrics(app, { database });
  const notFoundFallback = await registerWebApp(app, { distDir: config.webDistDir, isHttps: config.isHttps });
  registerErrorHandling(app, notFoundFallback ? { notFoundFallback } : {});
  const version = serverVersion();
  await registerOpenApi(app, { version, publicUrl: config.publicUrl });

  const health = createHealthService({
    probes: {
      database: async () => {
        await database.ping();
        return { ok: true, detail: database.kind };
      },
      migrations: async () => {
        const pending = await countPendingMigrations(database);
        return pending === 0 ? { ok: true } : { ok: false, detail: `${pending} migration(s) not applied` };
      },
      ...deps.probes,
    },
  });
  await app.register(healthRoutes, { health });

  const system = createSystemService({
    repo: createSystemRepo(database.db),
    version,
    database: database.kind,
    queue: deps.queueKind ?? (config.redisUrl ? 'bullmq' : 'postgres'),
    startedAt: deps.startedAt ?? new Date(),
  });
  await app.register(systemRoutes, { system });

  const now = deps.now ?? (() => new Date());
  const audit = createAuditService({ repo: createAuditRepo(database.db), now });
  // Domain modules. Each gets its dependencies explicitly; one registration each.
  const sessions = await registerAuthModule(app, {
    config,
    db: database.db,
    audit,
    mail: deps.mail,
    now,
    ...(deps.redis ? { redis: deps.redis } : {}),
    ...(deps.redisPrefix ? { redisPrefix: deps.redisPrefix } : {}),
  });
  await registerOrgsModule(app, { config, db: database.db, audit, mail: deps.mail, sessions, now });
  await registerAdminModule(app, { db: database.db, audit, sessions, now });
  const { roomAccess, interviews, calendarPort, useBookings } = await registerInterviewsModule(app, {
    config,
    db: database.db,
    audit,
    mail: deps.mail,
    bank: createQuestionBankPort(database.db),
    now,
  });

  const calendarModule = await registerCalendarModule(app, {
    config,
    db: database.db,
    mail: deps.mail,
    interviews: calendarPort,
    logger: app.log,
    now,
    ...(deps.queue ? { queue: deps.queue } : {}),
  });
  const { scheduling } = await registerSchedulingModule(app, {
    config,
    db: database.db,
    audit,
    interviews,
    notify: calendarModule.scheduling.notify,
    externalBusy: calendarModule.scheduling.externalBusy,
    now,
  });
  // Scheduling an interview or editing its time books its panel through scheduling (ADR 0017).
  useBookings(scheduling.interviewBookings);
  await registerPrivacyModule(app, { db: database.db, audit, sessions, now });
  const runs = await registerExecutionsModule(app, {
    config,
    db: database.db,
    redisPrefix: deps.redisPrefix ?? 'isel:',
    metrics,
    logger: app.log,
    now,
    ...(deps.queue ? { queue: deps.queue } : {}),
    ...(deps.engine ? { engine: deps.engine } : {}),
    ...(deps.redis ? { redis: deps.redis } : {}),
    problemTests: deps.problemTests ?? createProblemTestsPort(database.db),
    roomAccess,
  });
  await registerQuestionsModule(app, { db: database.db, runner: runs.executions, logger: app.log, now });
  const { scorecards } = await registerScorecardsModule(app, { db: database.db, audit, now });
  await registerTerminalsModule(app, {
    config,
    sessions,
    logger: app.log,
    ...(deps.terminals ? { terminals: deps.terminals } : {}),
  });
  const { hocuspocus, rooms } = await registerRoomsModule(app, {
    config,
    db: database.db,
    roomAccess: deps.roomAccess ?? roomAccess,
    runs,
    sessions,
    logger: app.log,
    now,
    ...(deps.redis ? { redis: deps.redis, redisPrefix: deps.redisPrefix ?? 'isel:' } : {}),
  });
  await registerMediaModule(app, { config, roomAccess: deps.roomAccess ?? roomAccess, now });
  const { replay } = await registerReplayModule(app, { db: database.db });
  await registerRecordingsModule(app, {
    config,
    db: database.db,
    roomAccess: deps.roomAccess ?? roomAccess,
    interviews,
    hocuspocus,
    audit,
    logger: app.log,
    now,
    ...(deps.queue ? { queue: deps.queue } : {}),
    ...(deps.recordingStorage ? { storage: deps.recordingStorage } : {}),
  });
  await registerReportsModule(app, {
    config,
    db: database.db,
    interviews,
    rooms,
    scorecards,
    bank: createQuestionBankPort(database.db),
    audit,
    replay,
    now,
  });
  if (config.devMailbox) await app.register(mailRoutes, { mail: deps.mail });

  return app;
}
