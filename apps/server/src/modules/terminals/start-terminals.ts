import type { Config } from '../../config.js';
import type { QueueLogger } from '../../platform/queue/queue.js';
import { SandboxUnavailableError, startTerminalManager, type TerminalManager } from '../executions/execution-engine.js';

/**
 * This node's interactive terminals, in either RUNNER_MODE: a session lives
 * on the node that holds its WebSocket. Undefined when turned off
 * (TERMINAL_MAX_SESSIONS=0) or when this host cannot sandbox — never an
 * unsandboxed fallback; the endpoint then answers "not available".
 */
export async function startTerminals(config: Config, logger: QueueLogger): Promise<TerminalManager | undefined> {
  const { maxSessions, idleMs } = config.terminals;
  if (maxSessions === 0) return undefined;
  try {
    const manager = await startTerminalManager({ maxSessions, idleMs });
    logger.info({ maxSessions, languages: manager.languages() }, 'interactive terminals ready');
    return manager;
  } catch (error) {
    if (!(error instanceof SandboxUnavailableError)) throw error;
    logger.warn({ reason: error.message }, 'interactive terminals are disabled: this host cannot sandbox programs');
    return undefined;
  }
}
