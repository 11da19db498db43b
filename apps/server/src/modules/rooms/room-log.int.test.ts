import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { queryRows } from '../../platform/db.js';
import { seedRoom, type RoomFixture } from '../../../test/room-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { buildDoc, createRoomLog } from './room-log.js';
import { createRoomsRepo, type RoomsRepo } from './rooms.repo.js';

function recordingLogger() {
  const lines: unknown[] = [];
  return {
    lines,
    warn: (obj: object, msg: string) => void lines.push({ obj, msg }),
    error: (obj: object, msg: string) => void lines.push({ obj, msg }),
  };
}

/** One keystroke's update on a local doc. */
function keystroke(doc: Y.Doc, ch: string): Uint8Array {
  let update: Uint8Array | null = null;
  const grab = (u: Uint8Array) => (update = u);
  doc.once('update', grab);
  const text = doc.getText('t');
  text.insert(text.length, ch);
  return update!;
}

describe('the room log writer', () => {
  let database: TestDatabase;
  let room: RoomFixture;
  let repo: RoomsRepo;

  beforeAll(async () => {
    database = await createTestDatabase();
    room = await seedRoom(database.db);
    repo = createRoomsRepo(database.db);
  });
  afterAll(async () => database.close());

  const seqs = async (doc: string) =>
    (
      await queryRows<{ seq: number | string }>(
        database.db,
        sql`select seq from room_updates where interview_id = ${room.interviewId} and doc = ${doc} order by seq`,
      )
    ).map((r) => Number(r.seq));

  it('commits the updates of every document in one statement, retries pool failures, never logs the bytes', async () => {
    let calls = 0;
    let failNext = 2;
    const flaky: RoomsRepo = {
      ...repo,
      async insertUpdateRows(rows) {
        calls++;
        if (failNext-- > 0) {
          // Shaped like Drizzle's error: the message and params carry every row's bytes.
          throw Object.assign(new Error(`Failed query: insert ...\nparams: ${rows.map((r) => r.update).join(',')}`), {
            params: rows.map((r) => r.update),
            cause: new Error('timeout exceeded when trying to connect'),
          });
        }
        return repo.insertUpdateRows(rows);
      },
    };
    const logger = recordingLogger();
    const log = createRoomLog({ repo: flaky, logger });
    await log.load(room.interviewId, 'room');
    await log.load(room.interviewId, 'private');
    const a = new Y.Doc();
    const b = new Y.Doc();
    let acked = 0;
    const all: Promise<void>[] = [];
    for (const ch of 'abcdefghij') {
      for (const [doc, kind] of [
        [a, 'room'],
        [b, 'private'],
      ] as const) {
        const p = log.append(room.interviewId, kind, { at: new Date(), actor: null, update: keystroke(doc, ch) });
        all.push(p.then(() => void acked++));
      }
    }
    await Promise.all(all);
    expect(acked).toBe(20);
    // Two failed attempts, then one statement for both documents.
    expect(calls).toBe(3);
    expect(await seqs('room')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await seqs('private')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const logged = JSON.stringify(logger.lines);
    expect(logged).toContain('timeout exceeded');
    expect(logged).not.toContain('params');
    await log.close();
  });

  it('retries only the rows of a document whose seqs another node took', async () => {
    const one = createRoomLog({ repo, logger: recordingLogger() });
    const two = createRoomLog({ repo, logger: recordingLogger() });
    // Both nodes load the document at the same point, so their counters collide.
    await one.load(room.interviewId, 'room');
    await two.load(room.interviewId, 'room');
    const before = (await seqs('room')).length;
    const x = new Y.Doc();
    const y = new Y.Doc();
    const writes: Promise<void>[] = [];
    for (const ch of 'klmno') {
      writes.push(one.append(room.interviewId, 'room', { at: new Date(), actor: 'one', update: keystroke(x, ch) }));
      writes.push(two.append(room.interviewId, 'room', { at: new Date(), actor: 'two', update: keystroke(y, ch) }));
    }
    await Promise.all(writes);
    const after = await seqs('room');
    expect(after.length).toBe(before + 10);
    expect(new Set(after).size).toBe(after.length);
    await Promise.all([one.close(), two.close()]);
  });

  it('snapshots the live document at exactly the seq of the updates it holds', async () => {
    const log = createRoomLog({ repo, logger: recordingLogger(), snapshotEvery: 5 });
    const live = new Y.Doc();
    Y.applyUpdate(live, await log.load(room.interviewId, 'private'));
    log.attach(room.interviewId, 'private', live);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
    const writes: Promise<void>[] = [];
    for (const ch of 'pqrstuvwxyz') {
      const update = keystroke(client, ch);
      Y.applyUpdate(live, update);
      writes.push(log.append(room.interviewId, 'private', { at: new Date(), actor: null, update }));
      if (ch === 'u') await writes.at(-1);
    }
    await Promise.all(writes);
    await log.snapshot(room.interviewId, 'private');
    const snaps = await queryRows<{ seq: number | string }>(
      database.db,
      sql`select seq from room_snapshots where interview_id = ${room.interviewId} and doc = 'private' order by seq`,
    );
    expect(snaps.length).toBeGreaterThan(0);
    for (const { seq } of snaps) {
      const [row] = await queryRows<{ state: Uint8Array }>(
        database.db,
        sql`select state from room_snapshots where interview_id = ${room.interviewId} and doc = 'private' and seq = ${seq}`,
      );
      const replayed = buildDoc(undefined, await repo.updatesAfter(room.interviewId, 'private', 0));
      const upTo = buildDoc(
        undefined,
        (await repo.updatesAfter(room.interviewId, 'private', 0)).filter((r) => r.seq <= Number(seq)),
      );
      const fromSnapshot = buildDoc(new Uint8Array(row!.state), []);
      expect(fromSnapshot.getText('t').toJSON()).toBe(upTo.getText('t').toJSON());
      expect(replayed.getText('t').toJSON().startsWith(upTo.getText('t').toJSON())).toBe(true);
    }
    await log.close();
  });
});
