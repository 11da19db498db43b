import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { interviews } from '../interviews/interviews.tables.js';
import { createBookingsRepo } from '../scheduling/bookings.repo.js';
import { seedDemo } from './demo.seed.js';

describe('demo seed', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'isel-demo-seed-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('schedules the demo interview through a booking, so the interviewer is really busy then', async () => {
    const accounts = await seedDemo(database, { dataDir, now: () => new Date('2026-12-06T09:00:00Z') });
    expect(accounts?.map((a) => a.email)).toContain('interviewer@demo.interviewselect.dev');
    const [interview] = await database.db.select().from(interviews);
    expect(interview).toMatchObject({ status: 'scheduled', plannedStart: new Date('2026-12-07T14:00:00Z') });
    const repo = createBookingsRepo(database.db);
    expect(await repo.activeBooking(interview!.id)).toEqual({
      start: new Date('2026-12-07T14:00:00Z'),
      end: new Date('2026-12-07T15:00:00Z'),
    });
    // A second seed does nothing (accounts exist), and the hour stays booked once.
    expect(await seedDemo(database, { dataDir })).toBeNull();
    expect(await database.db.select().from(interviews)).toHaveLength(1);
  });
});
