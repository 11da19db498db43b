import { randomBytes } from 'node:crypto';
import { ROOM_KEYS, roomDocumentName } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../../../test/eventually.js';
import { RawRoomClient, type RawDoc } from '../../../test/raw-room-client.js';
import { listenRoomApp, seedRoom, type testRoomAccess } from '../../../test/room-fixtures.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../../../test/test-db.js';
import { queryRows } from '../../platform/db.js';

/** CI passes REDIS_URL; the machine always has Redis on its default port. */
const redisUrl = testRedisUrl() ?? 'redis://127.0.0.1:6379';

/**
 * Two server nodes joined only by the database and a real Redis (under a
 * random key prefix): rooms are not pinned to a node, so clients of one room
 * on different nodes must see each other, and the log must hold each update once.
 */
describe('rooms across two nodes through Redis', () => {
  const prefix = `isel-test-${randomBytes(4).toString('hex')}:`;
  let database: TestDatabase;
  const nodes: { app: FastifyInstance; url: string; access: ReturnType<typeof testRoomAccess> }[] = [];
  const connections: Redis[] = [];
  const clients: RawRoomClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const redis = new Redis(redisUrl);
      connections.push(redis);
      nodes.push(await listenRoomApp(database, { REDIS_URL: redisUrl }, { redis, redisPrefix: prefix }));
    }
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const node of nodes) await node.app.close();
    for (const redis of connections) redis.disconnect();
    await database.close();
  });

  async function open(node: number, cookie: string, name: string): Promise<{ socket: RawRoomClient; doc: RawDoc }> {
    const socket = await RawRoomClient.connect(nodes[node]!.url, { cookie });
    clients.push(socket);
    const doc = socket.open(name);
    await eventually(() => expect(doc.synced).toBe(true));
    return { socket, doc };
  }

  const code = (d: RawDoc) => d.doc.getMap<Y.Text>(ROOM_KEYS.files).get('python')?.toJSON() ?? '';

  it('shows edits made on one node to clients on the other, and logs each update once', async () => {
    const room = await seedRoom(database.db);
    const name = roomDocumentName(room.interviewId);
    const a = await open(0, room.interviewer.cookie, name);
    const b = await open(1, room.candidate.cookie, name);
    const text = new Y.Text();
    a.doc.doc.getMap<Y.Text>(ROOM_KEYS.files).set('python', text);
    for (const ch of 'hello') text.insert(text.length, ch);
    await eventually(() => expect(code(b.doc)).toBe('hello'));
    const remote = b.doc.doc.getMap<Y.Text>(ROOM_KEYS.files).get('python')!;
    for (const ch of '!!!') remote.insert(remote.length, ch);
    await eventually(() => expect(code(a.doc)).toBe('hello!!!'));
    await eventually(() => expect(a.doc.unacked + b.doc.unacked).toBe(0));
    const rows = await queryRows<{ n: number; seqs: number }>(
      database.db,
      sql`select count(*)::int as n, count(distinct seq)::int as seqs from room_updates
          where interview_id = ${room.interviewId} and doc = 'room'`,
    );
    // 1 map entry + 5 characters from a, 3 characters from b: nothing logged twice.
    expect(rows[0]).toEqual({ n: 9, seqs: 9 });
  });

  it('carries status changes and chat to the other node', async () => {
    const room = await seedRoom(database.db);
    const name = roomDocumentName(room.interviewId);
    const interviewer = await open(0, room.interviewer.cookie, name);
    const candidate = await open(1, room.candidate.cookie, name);
    candidate.socket.sendStateless(name, { type: 'chat', text: 'across nodes' });
    await eventually(() => expect(interviewer.doc.doc.getArray(ROOM_KEYS.chat).length).toBe(1));
    await nodes[0]!.access.setStatus(room.interviewId, 'ended');
    await eventually(() =>
      expect(candidate.doc.stateless).toContain(JSON.stringify({ type: 'status', status: 'ended' })),
    );
    await eventually(() => expect(candidate.socket.closed?.code).toBe(4001));
    const again = await open(1, room.candidate.cookie, name);
    expect(again.doc.auth).toBe('readonly');
  });
});
