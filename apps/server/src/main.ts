/**
 * Process entry: load config → open database → migrate → seed demo data on
 * first run → seed the public problem library → build the app → listen → on SIGTERM/SIGINT drain and exit 0.
 * This is the only file (with cli/) that reads process.env or prints to the console.
 */
// First: lib0 (Yjs) binds WebCrypto's getRandomValues when it is imported (see the module).
import './platform/pooled-random.js';
import closeWithGrace from 'close-with-grace';
import { Redis } from 'ioredis';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { demoAccountsFile, seedDemo, type DemoAccount } from './modules/demo/demo.seed.js';
import { createMailRepo } from './modules/mail/mail.repo.js';
import { seedLibrary } from './modules/questions/questions-library.js';
import { createMailService, createMailTransport, mailSendJob } from './modules/mail/mail.service.js';
import { startEmbeddedEngine } from './modules/executions/embedded-engine.js';
import { startTerminals } from './modules/terminals/start-terminals.js';
import { createDatabase } from './platform/db.js';
import { createLogger } from './platform/logger.js';
import { createQueue } from './platform/queue/create-queue.js';
import { resolveSecretKey } from './platform/secret-key.js';
import { applyMigrations } from './platform/migrations.js';
import { serverVersion } from './platform/version.js';

function readConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(
        `${error.message}\nFix the variables above (see the configuration table in README.md) and start again.`,
      );
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

function shouldSeed(config: Config): boolean {
  if (config.seedDemo === 'auto') return config.database.kind === 'pglite';
  return config.seedDemo === 'true';
}

function printBanner(config: Config, demo: DemoAccount[] | null): void {
  const db =
    config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  InterviewSelect ${serverVersion()} on Node ${process.version}`,
    `  ▸ App:      ${config.publicUrl}`,
    `  ▸ API docs: ${config.publicUrl}/api/docs`,
    `  ▸ Database: ${db}; jobs: ${config.redisUrl ? 'BullMQ on Redis' : 'PostgreSQL queue'}`,
  ];
  if (demo) {
    lines.push('', '  Demo accounts (passwords shown once; also saved to ' + demoAccountsFile(config.dataDir) + '):');
    for (const a of demo) lines.push(`    ${a.role.padEnd(15)} ${a.email.padEnd(40)} ${a.password}`);
  } else if (shouldSeed(config)) {
    lines.push('', `  Demo logins: see ${demoAccountsFile(config.dataDir)}`);
  }
  console.log(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const startedAt = new Date();
  const database = await createDatabase(config.database);
  const { applied } = await applyMigrations(database);

  const logger = createLogger(config);
  logger.info({ applied, database: database.kind }, 'migrations applied');
  const library = await seedLibrary(database);
  for (const bad of library.invalid) logger.error(bad, 'library problem skipped: not a valid package');
  logger.info({ ...library, invalid: library.invalid.length }, 'problem library seeded');
  // After the library: the demo interview asks one of its problems.
  const demo = shouldSeed(config) ? await seedDemo(database, { dataDir: config.dataDir }) : null;

  const queue = createQueue({ config, db: database.db, logger });
  const mailTransport = createMailTransport(config.mail);
  const mail = createMailService({
    repo: createMailRepo(database.db),
    queue,
    transport: mailTransport,
    from: config.mail.from,
    logger,
  });

  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  const engine = await startEmbeddedEngine(config, logger);
  const terminals = await startTerminals(config, logger);
  const app = await buildApp({
    config: { ...config, secretKey: resolveSecretKey(config.secretKey, config.dataDir) },
    database,
    startedAt,
    logger,
    mail,
    queueKind: queue.kind,
    queue,
    ...(engine ? { engine } : {}),
    ...(terminals ? { terminals } : {}),
    ...(redis ? { redis } : {}),
  });

  if (config.workersEnabled) {
    queue.register(mailSendJob, mail.deliver, { concurrency: 4 });
    await queue.start();
    await mail.requeuePending();
  }

  closeWithGrace({ delay: config.shutdownGraceMs, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after a fatal error');
    else logger.info({ signal }, 'shutting down: draining connections');
    // Order: stop taking requests, then let running jobs finish (they write to the database), then close it.
    await app.close();
    await terminals?.closeAll();
    await queue.stop();
    await engine?.close();
    mailTransport.close();
    redis?.disconnect();
    await database.close();
    logger.info('shutdown complete');
  });

  await app.listen({ port: config.port, host: config.host });
  printBanner(config, demo);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
