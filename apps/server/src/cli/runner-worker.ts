/**
 * `npm run runner`: a code-execution runner process for the scaled mode.
 * Takes `execution.run` jobs from Redis (BullMQ), runs them in the sandbox
 * and reports back through Redis; servers (RUNNER_MODE=remote) persist the
 * results. Needs REDIS_URL; never a database. SIGTERM drains running jobs.
 */
import closeWithGrace from 'close-with-grace';
import { Redis } from 'ioredis';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createConfiguredEngine } from '../modules/executions/embedded-engine.js';
import { startRemoteRunner } from '../modules/executions/remote-runner.js';
import { createLogger } from '../platform/logger.js';
import { createBullmqQueue } from '../platform/queue/bullmq-queue.js';

function readConfigOrExit(): Config & { redisUrl: string } {
  try {
    const config = loadConfig(process.env);
    if (config.redisUrl) return { ...config, redisUrl: config.redisUrl };
    console.error(
      'REDIS_URL is not set: runner processes take executions from Redis.\n' +
        'Without Redis the server runs code itself (RUNNER_MODE=embedded, the default); no runner process is needed.',
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${error.message}\nFix the variables above (see the configuration table in README.md).`);
  }
  process.exit(78); // EX_CONFIG
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger(config);
  const engine = await createConfiguredEngine(config, logger);
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
  redis.on('error', (err: Error) => logger.error({ err }, 'redis connection error (runner)'));
  const queue = createBullmqQueue({ redisUrl: config.redisUrl, logger });
  const runner = await startRemoteRunner({ engine, queue, redis, prefix: 'isel:', logger });

  closeWithGrace({ delay: config.shutdownGraceMs, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'runner shutting down after a fatal error');
    else logger.info({ signal }, 'runner shutting down: finishing running executions');
    await runner.stop();
    await engine.close();
    redis.disconnect();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
