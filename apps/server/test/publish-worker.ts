import { publishJob } from '../src/modules/calendar/calendar.service.js';
import { createPgQueue } from '../src/platform/queue/pg-queue.js';
import type { JobQueue } from '../src/platform/queue/queue.js';
import type { Db } from '../src/platform/db.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * A real PostgreSQL job queue on which this process works only the calendar
 * publish jobs a booking queues (invitations, updates, cancellations), as a
 * worker node would. Reminders and mail deliveries stay queued, so a test
 * with a controlled clock walks to them itself. Pass `queue` to
 * createTestApp; call start() after it and stop() before closing the app.
 */
export function publishWorker(db: Db): { queue: JobQueue; start(): Promise<void>; stop(): Promise<void> } {
  const inner = createPgQueue({ db, logger: quiet, pollIntervalMs: 20 });
  const queue: JobQueue = {
    ...inner,
    register: (job, handler, opts) => {
      if (job.name === publishJob.name) inner.register(job, handler, opts);
    },
  };
  return { queue, start: () => inner.start(), stop: () => inner.stop() };
}
