import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { repoRoot } from './paths.js';

/** What the numbers were measured on; stored in every result file. */
export interface MachineInfo {
  cpuModel: string;
  /** Logical CPUs this process may use (os.availableParallelism). */
  cores: number;
  totalMemoryBytes: number;
  freeMemoryBytes: number;
  os: { platform: string; type: string; release: string; arch: string };
  nodeVersion: string;
  /** HEAD of the checkout, or null when git or a commit is unavailable. */
  gitCommit: string | null;
  /** 1, 5 and 15 minute load averages when the run started (all 0 on Windows). */
  loadAverage: number[];
  /** ISO-8601 time the run started. */
  timestamp: string;
}

function gitCommit(): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
    });
    return out.trim() || null;
  } catch {
    return null;
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    totalMemoryBytes: os.totalmem(),
    freeMemoryBytes: os.freemem(),
    os: { platform: os.platform(), type: os.type(), release: os.release(), arch: os.arch() },
    nodeVersion: process.version,
    gitCommit: gitCommit(),
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    timestamp: new Date().toISOString(),
  };
}
