/**
 * CPU accounting from /proc for the `room` benchmark (Linux only; every
 * reader returns null elsewhere): a process's user + system time, the same
 * summed over the PostgreSQL backends serving one database, and the whole
 * machine's busy time.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds (user + system, all threads) a process has used so far; null when it is gone. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / clockTicks();
  } catch {
    return null;
  }
}

/**
 * CPU seconds per PostgreSQL backend serving `database` (its process title is
 * `postgres: <user> <database> <client> <state>`), by pid.
 */
export function postgresBackendsCpu(database: string): Map<number, number> {
  const result = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return result;
  }
  for (const p of pids) {
    try {
      const cmdline = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (!cmdline.startsWith('postgres: ') || !cmdline.split(' ').includes(database)) continue;
      const cpu = processCpuSeconds(Number(p));
      if (cpu !== null) result.set(Number(p), cpu);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return result;
}

/** CPU seconds the backends present at both samples used in between. */
export function postgresCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? cpu);
  return total;
}

export interface MachineCpu {
  busy: number;
  total: number;
}

/** Jiffies of all CPUs from /proc/stat: busy (everything but idle and iowait) and total; null without /proc. */
export function machineCpu(): MachineCpu | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
