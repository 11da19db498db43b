import { z } from 'zod';
import type { SealedStorage } from '../../platform/storage/sealed-storage.js';
import { defineJob, type JobQueue } from '../../platform/queue/queue.js';
import type { AuditService } from '../audit/audit.service.js';
import { chunkKey, mediaKey } from './recording-objects.js';
import type { RecordingsRepo } from './recordings.repo.js';

/** The daily sweep; `day` (UTC date) is also its dedupe key, so restarts never run it twice for one day. */
export const recordingRetentionJob = defineJob(
  'recordings.retention',
  z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
);

const DAY_MS = 24 * 60 * 60 * 1000;
/** Recordings deleted per batch (the sweep loops until none is left). */
const BATCH = 100;

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** Enqueues the sweep of the day `at` falls on, to run at `at` (a no-op when that day's job exists). */
export function scheduleRetention(queue: JobQueue, at: Date): Promise<string> {
  const day = dayOf(at);
  return queue.enqueue(
    recordingRetentionJob,
    { day },
    { runAt: at, jobId: `recordings-retention-${day}`, attempts: 5 },
  );
}

/**
 * Deletes every recording older than its organisation's retention setting:
 * its stored objects, then its row, with one audit entry per deletion.
 * Safe to run again after a crash (what is gone stays gone).
 */
export async function sweepExpiredRecordings(deps: {
  repo: RecordingsRepo;
  sealed: SealedStorage;
  audit: AuditService;
  now: () => Date;
}): Promise<number> {
  const { repo, sealed, audit } = deps;
  let deleted = 0;
  for (;;) {
    const expired = await repo.expired(deps.now(), BATCH);
    if (expired.length === 0) return deleted;
    for (const row of expired) {
      for (let seq = 0; seq < (row.chunkCount ?? 0); seq++) await sealed.delete(chunkKey(row.id, seq));
      for (const seq of await repo.chunkSeqs(row.id)) await sealed.delete(chunkKey(row.id, seq));
      await sealed.delete(mediaKey(row.id));
      await repo.delete(row.id);
      await audit.record({
        action: 'recording.deleted',
        orgId: row.orgId,
        targetType: 'recording',
        targetId: row.id,
        data: { interviewId: row.interviewId, reason: 'retention', startedAt: row.startedAt.toISOString() },
      });
      deleted++;
    }
  }
}

/** Registers the sweep on the queue; each run schedules the next day's. */
export function registerRetention(deps: Parameters<typeof sweepExpiredRecordings>[0] & { queue: JobQueue }): void {
  deps.queue.register(recordingRetentionJob, async () => {
    await sweepExpiredRecordings(deps);
    const tomorrow = new Date(Math.floor(deps.now().getTime() / DAY_MS + 1) * DAY_MS);
    await scheduleRetention(deps.queue, tomorrow);
  });
}
