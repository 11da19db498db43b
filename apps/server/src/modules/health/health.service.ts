import type { Readiness } from '@interviewselect/contracts';

/** One dependency probe: resolves with an optional detail, or throws/returns a failure. */
export type ReadinessProbe = () => Promise<{ ok: boolean; detail?: string }>;

export type HealthService = ReturnType<typeof createHealthService>;

/**
 * Readiness is the conjunction of named probes (database, migrations, and
 * Redis when configured). Each probe has a deadline so a hung dependency makes
 * the node "not ready" quickly instead of hanging the load balancer's check.
 */
export function createHealthService(deps: { probes: Record<string, ReadinessProbe>; timeoutMs?: number }) {
  const timeoutMs = deps.timeoutMs ?? 2000;

  async function runProbe(name: string, probe: ReadinessProbe) {
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      });
      const result = await Promise.race([probe(), deadline]);
      return { name, ...result };
    } catch (error) {
      return { name, ok: false, detail: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }

  async function checkReadiness(): Promise<Readiness> {
    const checks = await Promise.all(Object.entries(deps.probes).map(([name, probe]) => runProbe(name, probe)));
    return { status: checks.every((c) => c.ok) ? 'ready' : 'not_ready', checks };
  }

  return { checkReadiness };
}
