import { randomBytes } from 'node:crypto';
import { roomDocumentName } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.js';
import { RawRoomClient, type RawDoc } from '../../../test/raw-room-client.js';
import { listenRoomApp, seedRoom } from '../../../test/room-fixtures.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../../../test/test-db.js';

/** CI passes REDIS_URL; the machine always has Redis on its default port. */
const redisUrl = testRedisUrl() ?? 'redis://127.0.0.1:6379';
const SDP = 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendrecv\r\n';

/** Two nodes joined by a real Redis: signalling reaches a peer on the other node, and only that peer. */
describe('call signalling across two nodes through Redis', () => {
  const prefix = `isel-test-${randomBytes(4).toString('hex')}:`;
  let database: TestDatabase;
  const nodes: { app: FastifyInstance; url: string }[] = [];
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

  async function open(node: number, cookie: string, name: string) {
    const socket = await RawRoomClient.connect(nodes[node]!.url, { cookie });
    clients.push(socket);
    const doc = socket.open(name);
    await eventually(() => expect(doc.synced).toBe(true));
    return { doc, send: (payload: unknown) => socket.sendStateless(name, payload) };
  }
  const media = (d: RawDoc) => d.stateless.map((s) => JSON.parse(s) as { type: string; from?: string });

  it('delivers an offer to the target on the other node and to nobody else', async () => {
    const room = await seedRoom(database.db);
    const name = roomDocumentName(room.interviewId);
    const interviewer = await open(0, room.interviewer.cookie, name);
    const candidate = await open(1, room.candidate.cookie, name);
    const observer = await open(1, room.observer.cookie, name);
    interviewer.send({ type: 'media.offer', to: room.candidate.participantId, sdp: SDP });
    await eventually(() => expect(media(candidate.doc)).toHaveLength(1));
    expect(media(candidate.doc)[0]).toMatchObject({ type: 'media.offer', from: room.interviewer.participantId });
    // The observer's hello goes everywhere but the observer: it arrives after the offer was handled.
    observer.send({ type: 'media.hello' });
    await eventually(() => expect(media(interviewer.doc)).toHaveLength(1));
    await eventually(() => expect(media(candidate.doc)).toHaveLength(2));
    expect(media(observer.doc)).toEqual([]);
  });
});
