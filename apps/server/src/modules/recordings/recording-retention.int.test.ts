import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OrgSettingsSchema } from '@interviewselect/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { insertInterview } from '../../../test/interviews.js';
import { createOrgWithMembers, signedInUser, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createPgQueue } from '../../platform/queue/pg-queue.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import { createObjectStorage, ObjectNotFoundError } from '../../platform/storage/object-storage.js';
import { createSealedStorage } from '../../platform/storage/sealed-storage.js';
import { createKeyring } from '../../platform/storage/segmented-cipher.js';
import { createAuditRepo } from '../audit/audit.repo.js';
import { createAuditService } from '../audit/audit.service.js';
import { auditEvents } from '../audit/audit.tables.js';
import { interviews } from '../interviews/interviews.tables.js';
import { createOrgSettingsRepo } from '../orgs/org-settings.repo.js';
import { mediaKey } from './recording-objects.js';
import { registerRetention, scheduleRetention } from './recording-retention.js';
import { createRecordingsRepo } from './recordings.repo.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const DAY = 24 * 60 * 60 * 1000;

describe('recording retention', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let queue: JobQueue;
  let dir: string;
  let owner: SignedIn;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    dir = await mkdtemp(path.join(os.tmpdir(), 'isel-retention-'));
    owner = await signedInUser(app, database.db, { name: 'Olive Owner' });
  });

  afterAll(async () => {
    await queue.stop();
    await app.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the organisation setting: members read it, owners and admins change it, 1–3650 days', async () => {
    const viewer = await signedInUser(app, database.db, { name: 'Vic Viewer' });
    const stranger = await signedInUser(app, database.db, { name: 'Sam Stranger' });
    const org = await createOrgWithMembers(database.db, { [owner.user.id]: 'owner', [viewer.user.id]: 'viewer' });
    const settings = `/api/v1/orgs/${org.id}/settings`;
    const patch = (who: SignedIn, days: number) =>
      app.inject({ method: 'PATCH', url: settings, headers: who.headers, payload: { recordingRetentionDays: days } });
    expect(OrgSettingsSchema.parse((await app.inject({ url: settings, headers: viewer.headers })).json())).toEqual({
      recordingRetentionDays: 90,
    });
    expect((await patch(owner, 0)).statusCode).toBe(400);
    expect((await patch(owner, 3651)).statusCode).toBe(400);
    expect((await patch(viewer, 30)).statusCode).toBe(403);
    expect((await patch(owner, 30)).json()).toEqual({ recordingRetentionDays: 30 });
    expect((await app.inject({ url: settings, headers: stranger.headers })).statusCode).toBe(403);
    const [changed] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'org.settings_changed'));
    expect(changed?.data).toEqual({ before: { recordingRetentionDays: 90 }, after: { recordingRetentionDays: 30 } });
  });

  it('a daily queue job deletes recordings older than their organisation’s setting, each deletion audited', async () => {
    const now = new Date();
    const repo = createRecordingsRepo(database.db);
    const audit = createAuditService({ repo: createAuditRepo(database.db), now: () => now });
    const sealed = createSealedStorage(
      createObjectStorage({ driver: 'local', dir }),
      createKeyring([{ id: 'k1', key: Buffer.alloc(32, 7) }]),
    );
    // Two interviews in two organisations: one keeps recordings 30 days, the other the default 90.
    const shortId = await insertInterview(database.db);
    const longId = await insertInterview(database.db);
    const orgOf = async (id: string) =>
      (await database.db.select({ orgId: interviews.orgId }).from(interviews).where(eq(interviews.id, id)))[0]?.orgId ??
      '';
    const shortOrg = await orgOf(shortId);
    await createOrgSettingsRepo(database.db).update(shortOrg, { recordingRetentionDays: 30 });

    const insert = async (interviewId: string, ageDays: number) => {
      const row = await repo.insert({
        interviewId,
        orgId: await orgOf(interviewId),
        startedBy: null,
        mimeType: 'video/webm',
        startedAt: new Date(now.getTime() - ageDays * DAY),
      });
      await sealed.put(mediaKey(row.id), Buffer.from(`media of ${row.id}`));
      return row.id;
    };
    const old = await insert(shortId, 31);
    const recent = await insert(shortId, 29);
    const keptByDefault = await insert(longId, 60);
    const veryOld = await insert(longId, 91);

    queue = createPgQueue({ db: database.db, logger: quiet, pollIntervalMs: 20 });
    registerRetention({ queue, repo, sealed, audit, now: () => now });
    const jobId = await scheduleRetention(queue, now);
    expect(await scheduleRetention(queue, now)).toBe(jobId);
    await queue.start();

    const deletions = () => database.db.select().from(auditEvents).where(eq(auditEvents.action, 'recording.deleted'));
    await eventually(async () => expect(await deletions()).toHaveLength(2), { timeoutMs: 10_000 });
    expect((await deletions()).map((e) => e.targetId).sort()).toEqual([old, veryOld].sort());
    expect(await repo.find(old)).toBeNull();
    expect(await repo.find(veryOld)).toBeNull();
    await expect(sealed.get(mediaKey(old))).rejects.toBeInstanceOf(ObjectNotFoundError);
    for (const kept of [recent, keptByDefault]) {
      expect(await repo.find(kept)).not.toBeNull();
      expect((await sealed.get(mediaKey(kept))).toString()).toBe(`media of ${kept}`);
    }
    // The run scheduled tomorrow's.
    await eventually(async () => expect((await queue.counts()).delayed + (await queue.counts()).waiting).toBe(1));
  });
});
