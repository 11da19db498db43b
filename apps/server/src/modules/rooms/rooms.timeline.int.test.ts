import {
  ROOM_KEYS,
  roomDocumentName,
  RoomStateSchema,
  TimelineSchema,
  type TimelineEvent,
} from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../../../test/eventually.js';
import { RawRoomClient, type RawDoc } from '../../../test/raw-room-client.js';
import { listenRoomApp, seedRoom, type testRoomAccess, type RoomFixture } from '../../../test/room-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { queryRows } from '../../platform/db.js';

describe('a room’s timeline and state at a moment', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let access: ReturnType<typeof testRoomAccess>;
  let room: RoomFixture;
  /** After "a" was stored, before "b" was typed. */
  let between: Date;

  async function open(cookie: string): Promise<{ socket: RawRoomClient; doc: RawDoc }> {
    const socket = await RawRoomClient.connect(url, { cookie });
    const doc = socket.open(roomDocumentName(room.interviewId));
    await eventually(() => expect(doc.synced).toBe(true));
    return { socket, doc };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, url, access } = await listenRoomApp(database));
    room = await seedRoom(database.db, { integritySignals: true });

    const interviewer = await open(room.interviewer.cookie);
    const candidate = await open(room.candidate.cookie);
    const name = roomDocumentName(room.interviewId);
    const text = new Y.Text();
    candidate.doc.doc.getMap<Y.Text>(ROOM_KEYS.files).set('python', text);
    text.insert(0, 'a');
    await eventually(() => expect(candidate.doc.unacked).toBe(0));
    between = new Date();
    await eventually(() => expect(Date.now()).toBeGreaterThan(between.getTime() + 1));
    text.insert(1, 'b');
    candidate.socket.sendStateless(name, { type: 'chat', text: 'done!' });
    candidate.socket.sendStateless(name, { type: 'signal', kind: 'paste', chars: 120 });
    interviewer.socket.sendStateless(name, { type: 'signal', kind: 'blur' });
    interviewer.socket.sendStateless(name, { type: 'language', language: 'javascript' });
    await eventually(() => expect(interviewer.doc.doc.getArray(ROOM_KEYS.chat).length).toBe(1));
    await eventually(() => expect(candidate.doc.unacked).toBe(0));
    await access.setStatus(room.interviewId, 'ended');
    interviewer.socket.close();
    candidate.socket.close();
    // Leaving unloads the document, which writes a snapshot (after the moment asked about below).
    await eventually(async () => {
      const { events } = TimelineSchema.parse((await timeline(room.interviewer.headers)).json());
      expect(events.filter((e) => e.kind === 'leave')).toHaveLength(2);
    });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  function timeline(headers: Record<string, string> = {}) {
    return app.inject({ url: `/api/v1/interviews/${room.interviewId}/timeline`, headers });
  }

  function stateAt(at: Date, headers: Record<string, string> = room.interviewer.headers) {
    return app.inject({
      url: `/api/v1/interviews/${room.interviewId}/state?at=${encodeURIComponent(at.toISOString())}`,
      headers,
    });
  }

  it('lists joins, leaves, chat, the candidate’s signals, language, status and edits in order', async () => {
    const res = await timeline(room.interviewer.headers);
    expect(res.statusCode).toBe(200);
    const { events } = TimelineSchema.parse(res.json());
    const kinds = (kind: TimelineEvent['kind']) => events.filter((e) => e.kind === kind);
    expect(
      kinds('join')
        .map((e) => e.label)
        .sort(),
    ).toEqual([room.candidate.name, room.interviewer.name].sort());
    expect(kinds('chat')).toMatchObject([{ participantId: room.candidate.participantId, detail: { text: 'done!' } }]);
    // Signals only from the candidate (the interviewer's blur is not recorded).
    expect(kinds('signal')).toMatchObject([
      { participantId: room.candidate.participantId, detail: { signal: 'paste', chars: 120 } },
    ]);
    expect(kinds('language')).toMatchObject([{ detail: { language: 'javascript' } }]);
    expect(kinds('status')).toMatchObject([{ detail: { status: 'ended' } }]);
    expect(kinds('edit')[0]).toMatchObject({ participantId: room.candidate.participantId, label: room.candidate.name });
    const times = events.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it('rebuilds the public document at a moment (a later snapshot is not used for an earlier moment)', async () => {
    // Snapshots are written in the background once enough updates are in.
    await eventually(async () => {
      const snapshots = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from room_snapshots where interview_id = ${room.interviewId}`,
      );
      expect(snapshots[0]?.n).toBeGreaterThan(0);
    });
    const before = RoomStateSchema.parse((await stateAt(between)).json());
    expect(before.files).toEqual({ python: 'a' });
    expect(before.chat).toEqual([]);
    const after = RoomStateSchema.parse((await stateAt(new Date())).json());
    expect(after.files).toEqual({ python: 'ab' });
    expect(after.chat).toMatchObject([{ author: room.candidate.name, text: 'done!' }]);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, Buffer.from(after.update, 'base64'));
    expect(replay.getMap<Y.Text>(ROOM_KEYS.files).get('python')?.toJSON()).toBe('ab');
    const empty = RoomStateSchema.parse((await stateAt(new Date(0))).json());
    expect(empty.files).toEqual({});
  });

  it('is for the organisation only: the candidate and outsiders are refused', async () => {
    expect((await timeline()).statusCode).toBe(401);
    expect((await timeline(room.outsider.headers)).statusCode).toBe(403);
    expect((await timeline({ cookie: room.candidate.cookie })).statusCode).toBe(403);
    expect((await stateAt(new Date(), { cookie: room.candidate.cookie })).statusCode).toBe(403);
    expect((await stateAt(new Date(), room.outsider.headers)).statusCode).toBe(403);
  });
});
