import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect } from 'vitest';
import { eventually } from './eventually.js';
import { RawRoomClient, type RawDoc } from './raw-room-client.js';
import { listenRoomApp } from './room-fixtures.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from './test-db.js';

/** CI passes REDIS_URL; the machine always has Redis on its default port. */
const redisUrl = testRedisUrl() ?? 'redis://127.0.0.1:6379';

export interface TwoRedisNodes {
  /** Set in beforeAll. */
  database: TestDatabase;
  nodes: Awaited<ReturnType<typeof listenRoomApp>>[];
  /** A raw Yjs client on node 0 or 1 with this cookie, synced on the document `name`. */
  open(node: number, cookie: string, name: string): Promise<{ socket: RawRoomClient; doc: RawDoc }>;
}

/**
 * Two server nodes joined only by one database and a real Redis (under a
 * random key prefix), started before the file's tests and closed after them
 * with every client opened through `open`. Call at the top of a `describe`.
 */
export function useTwoRedisNodes(): TwoRedisNodes {
  const prefix = `isel-test-${randomBytes(4).toString('hex')}:`;
  const connections: Redis[] = [];
  const clients: RawRoomClient[] = [];
  const fixture = {
    nodes: [],
    async open(node: number, cookie: string, name: string) {
      const target = fixture.nodes[node];
      if (!target) throw new Error(`no node ${node}`);
      const socket = await RawRoomClient.connect(target.url, { cookie });
      clients.push(socket);
      const doc = socket.open(name);
      await eventually(() => expect(doc.synced).toBe(true));
      return { socket, doc };
    },
  } as unknown as TwoRedisNodes;

  beforeAll(async () => {
    fixture.database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const redis = new Redis(redisUrl);
      connections.push(redis);
      fixture.nodes.push(
        await listenRoomApp(fixture.database, { REDIS_URL: redisUrl }, { redis, redisPrefix: prefix }),
      );
    }
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const node of fixture.nodes) await node.app.close();
    for (const redis of connections) redis.disconnect();
    await fixture.database?.close();
  });

  return fixture;
}
