import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { createMailRepo } from '../src/modules/mail/mail.repo.js';
import { createMailService, createMailboxTransport, type MailService } from '../src/modules/mail/mail.service.js';
import { createSandboxEngine, type ExecutionEngine } from '../src/modules/executions/execution-engine.js';
import type { Database } from '../src/platform/db.js';
import { createPgQueue } from '../src/platform/queue/pg-queue.js';

const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A Config for tests: defaults plus overrides, never read from the real environment. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    DATA_DIR: '/nonexistent/isel-test',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '/nonexistent/web',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    ...env,
  });
}

/**
 * Mail kept in the outbox only (the embedded mailbox): tests read messages
 * with listOutbox(). The queue is never started, so nothing is "delivered".
 */
export function testMailService(database: Database): MailService {
  return createMailService({
    repo: createMailRepo(database.db),
    queue: createPgQueue({ db: database.db, logger: silentLogger }),
    transport: createMailboxTransport(),
    from: 'InterviewSelect <test@interviewselect.local>',
    logger: silentLogger,
  });
}

/** buildApp over the given database with a quiet logger; call app.close() in afterAll. */
export function createTestApp(
  database: Database,
  env: Record<string, string> = {},
  extra: Partial<Omit<AppDeps, 'config' | 'database'>> = {},
): Promise<FastifyInstance> {
  return buildApp({ config: testConfig(env), database, logger: false, mail: testMailService(database), ...extra });
}

/** Cookie + header pair that passes the double-submit CSRF check. */
export function csrfHeaders(token = 'test-csrf-token-0123456789abcdef'): Record<string, string> {
  return { cookie: `isel_csrf=${token}`, 'x-csrf-token': token };
}

/**
 * The real sandbox engine (bubblewrap + cgroups), for tests that run code:
 * pass it to createTestApp's extra deps with a queue, and close() it in afterAll.
 */
export function createTestEngine(slots = 2): Promise<ExecutionEngine> {
  return createSandboxEngine({ workDir: path.join(os.tmpdir(), 'isel-test-runner'), slots });
}
