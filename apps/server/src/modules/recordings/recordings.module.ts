import type { Hocuspocus } from '@hocuspocus/server';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import { createObjectStorage, type ObjectStorage } from '../../platform/storage/object-storage.js';
import { createSealedStorage } from '../../platform/storage/sealed-storage.js';
import type { AuditService } from '../audit/audit.service.js';
import type { InterviewsService } from '../interviews/interviews.service.js';
import type { RoomAccess } from '../interviews/room-access.js';
import type { RoomContext } from '../rooms/room-context.js';
import { recordingKeyring } from './recording-keys.js';
import { createRecordingLinks } from './recording-links.js';
import { recordingMediaRoutes } from './recording-media.routes.js';
import { DEFAULT_MEDIA_TOOLS, type MediaTools } from './recording-remux.js';
import { registerRetention, scheduleRetention } from './recording-retention.js';
import { roomRecordingPublisher } from './recording-room.js';
import { createRecordingsRepo } from './recordings.repo.js';
import { recordingsRoutes } from './recordings.routes.js';
import { createRecordingsService, type RecordingsLogger, type RecordingsService } from './recordings.service.js';

/**
 * Interview recordings: upload, assembly, encrypted storage, signed playback
 * and the retention sweep (a daily queue job). Register after the interviews
 * and rooms modules.
 */
export async function registerRecordingsModule(
  app: FastifyInstance,
  deps: {
    config: Config;
    db: Db;
    roomAccess: RoomAccess;
    interviews: Pick<InterviewsService, 'get'>;
    hocuspocus: Hocuspocus<RoomContext>;
    audit: AuditService;
    logger: RecordingsLogger;
    now: () => Date;
    /** Runs the retention sweep; absent: no sweep in this process. */
    queue?: JobQueue;
    /** Replaces the configured storage (tests inject faults through it). */
    storage?: ObjectStorage;
    tools?: MediaTools;
  },
): Promise<{ recordings: RecordingsService }> {
  const { config, now } = deps;
  const repo = createRecordingsRepo(deps.db);
  const sealed = createSealedStorage(
    deps.storage ?? createObjectStorage(config.storage),
    recordingKeyring(config.recordings, config.secretKey),
  );
  if (!config.secretKey) throw new Error('recordings need a resolved SECRET_KEY to sign playback URLs');
  const recordings = createRecordingsService({
    repo,
    roomAccess: deps.roomAccess,
    interviews: deps.interviews,
    sealed,
    links: createRecordingLinks({ secret: config.secretKey, ttlMs: config.recordings.urlTtlMs, now }),
    room: roomRecordingPublisher(deps.hocuspocus),
    audit: deps.audit,
    tools: deps.tools ?? DEFAULT_MEDIA_TOOLS,
    logger: deps.logger,
    now,
  });
  const { queue } = deps;
  const sweeps = queue && config.workersEnabled;
  if (sweeps) registerRetention({ queue, repo, sealed, audit: deps.audit, now });

  app.addHook('onReady', async () => {
    if (!config.workersEnabled) return;
    // Start-up catch-up must not keep the server from starting (e.g. migrations still pending: /readyz says so).
    try {
      await recordings.resumeProcessing();
      if (sweeps) await scheduleRetention(queue, now());
    } catch (err) {
      deps.logger.error({ err }, 'recordings: start-up catch-up failed; it runs again at the next start');
    }
  });
  app.addHook('onClose', () => recordings.idle());

  await app.register(recordingsRoutes, { recordings });
  await app.register(recordingMediaRoutes, { recordings, sealed });
  return { recordings };
}
