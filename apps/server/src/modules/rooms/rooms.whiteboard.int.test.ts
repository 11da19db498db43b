import { ROOM_KEYS, roomDocumentName } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.js';
import { RawRoomClient, type RawDoc } from '../../../test/raw-room-client.js';
import { listenRoomApp, seedRoom } from '../../../test/room-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';

/** The whiteboard travels in the public room document: observers watch it, only writers change it. */
describe('the room whiteboard on the socket', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  const clients: RawRoomClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, url } = await listenRoomApp(database));
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await app.close();
    await database.close();
  });

  async function open(cookie: string, interviewId: string): Promise<{ socket: RawRoomClient; doc: RawDoc }> {
    const socket = await RawRoomClient.connect(url, { cookie });
    clients.push(socket);
    const doc = socket.open(roomDocumentName(interviewId));
    await eventually(() => expect(doc.synced).toBe(true));
    return { socket, doc };
  }

  const stroke = (id: string, version: number) => ({
    id,
    type: 'freedraw',
    version,
    versionNonce: 7,
    isDeleted: false,
    index: 'a0',
    points: [
      [0, 0],
      [10, 10],
    ],
  });
  const board = (d: RawDoc) => d.doc.getMap<unknown>(ROOM_KEYS.whiteboard).toJSON();

  it('refuses an observer’s raw write to the whiteboard map: nobody else ever sees it', async () => {
    const room = await seedRoom(database.db);
    const interviewer = await open(room.interviewer.cookie, room.interviewId);
    interviewer.doc.doc.getMap(ROOM_KEYS.whiteboard).set('s1', stroke('s1', 1));
    await eventually(() => expect(interviewer.doc.unacked).toBe(0));

    const observer = await open(room.observer.cookie, room.interviewId);
    expect(observer.doc.auth).toBe('readonly');
    expect(board(observer.doc)).toEqual({ s1: stroke('s1', 1) });
    // The attack: a newer version of the interviewer's stroke, a deletion and a stroke of its own.
    observer.doc.doc.transact(() => {
      const map = observer.doc.doc.getMap(ROOM_KEYS.whiteboard);
      map.set('s1', { ...stroke('s1', 9), isDeleted: true });
      map.set('forged', stroke('forged', 1));
    });
    await eventually(() => expect(observer.doc.acks.at(-1)).toBe(false));

    const fresh = await open(room.candidate.cookie, room.interviewId);
    expect(board(fresh.doc)).toEqual({ s1: stroke('s1', 1) });
    expect(board(interviewer.doc)).toEqual({ s1: stroke('s1', 1) });
  });

  it('passes a writer’s board pointer with the server’s label, and drops pointers out of bounds', async () => {
    const room = await seedRoom(database.db, { anonymous: true });
    const interviewer = await open(room.interviewer.cookie, room.interviewId);
    const candidate = await open(room.candidate.cookie, room.interviewId);
    const name = roomDocumentName(room.interviewId);
    const candidateState = (): Record<string, unknown> | undefined =>
      [...interviewer.doc.awareness.getStates().values()].find(
        (s) => (s.user as { role?: string } | undefined)?.role === 'candidate',
      );

    candidate.socket.setAwareness(name, {
      user: { name: room.candidate.name },
      pointer: { x: 12, y: -40, button: 'down' },
    });
    await eventually(() =>
      expect(candidateState()).toEqual({
        user: { name: 'Candidate', participantId: room.candidate.participantId, role: 'candidate' },
        pointer: { x: 12, y: -40, button: 'down' },
      }),
    );

    candidate.socket.setAwareness(name, { pointer: { x: 1e12, y: 0, button: 'up', label: 'Root admin' } });
    await eventually(() => expect(candidateState()).not.toHaveProperty('pointer'));
    candidate.socket.setAwareness(name, { pointer: { x: 5, y: 5, button: 'up', extra: 'x'.repeat(10_000) } });
    await eventually(() => expect(candidateState()?.pointer).toEqual({ x: 5, y: 5, button: 'up' }));
    expect(interviewer.socket.receivedText()).not.toContain('Root admin');
    expect(interviewer.socket.receivedText()).not.toContain(room.candidate.name);
  });
});
