import type { Config } from '../../config.js';
import type { QueueLogger } from '../../platform/queue/queue.js';
import { createSandboxEngine, SandboxUnavailableError, type ExecutionEngine } from './execution-engine.js';

/**
 * The sandbox engine of a process that runs code (embedded mode, or a
 * runner process), from RUNNER_* settings.
 */
export function createConfiguredEngine(config: Config, logger: QueueLogger): Promise<ExecutionEngine> {
  const { runner } = config;
  return createSandboxEngine({
    slots: runner.slots,
    logger,
    ...(runner.workDir ? { workDir: runner.workDir } : {}),
    ...(runner.cgroupParent ? { cgroupParent: runner.cgroupParent } : {}),
    ...(runner.warmPool ? {} : { warmPool: false as const }),
  });
}

/**
 * The server's own engine in embedded mode with workers on; undefined
 * otherwise. A host that cannot sandbox (no bubblewrap, no cgroups) starts
 * without code execution — never with an unsandboxed fallback — and says why.
 */
export async function startEmbeddedEngine(config: Config, logger: QueueLogger): Promise<ExecutionEngine | undefined> {
  if (config.runner.mode !== 'embedded' || !config.workersEnabled) return undefined;
  try {
    const engine = await createConfiguredEngine(config, logger);
    logger.info({ slots: engine.slots }, 'code execution engine ready');
    return engine;
  } catch (error) {
    if (!(error instanceof SandboxUnavailableError)) throw error;
    logger.warn(
      { reason: error.message },
      'code execution is disabled: this host cannot sandbox programs (install bubblewrap: apt-get install bubblewrap)',
    );
    return undefined;
  }
}
