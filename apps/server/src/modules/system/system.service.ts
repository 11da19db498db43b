import type { SystemInfo } from '@interviewselect/contracts';
import type { SystemRepo } from './system.repo.js';

export type SystemService = ReturnType<typeof createSystemService>;

export function createSystemService(deps: {
  repo: SystemRepo;
  version: string;
  database: SystemInfo['database'];
  queue: SystemInfo['queue'];
  startedAt: Date;
}) {
  return {
    async describe(): Promise<SystemInfo> {
      return {
        name: 'InterviewSelect',
        version: deps.version,
        nodeVersion: process.version,
        database: deps.database,
        queue: deps.queue,
        startedAt: deps.startedAt.toISOString(),
        stats: await deps.repo.countEntities(),
      };
    },
  };
}
