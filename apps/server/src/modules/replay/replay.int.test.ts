import {
  ROOM_KEYS,
  ReplayLogSchema,
  roomDocumentName,
  unpackReplayUpdates,
  type ReplayLog,
} from '@interviewselect/contracts';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../../../test/eventually.js';
import { RawRoomClient, type RawDoc } from '../../../test/raw-room-client.js';
import { listenRoomApp, seedRoom, type RoomFixture } from '../../../test/room-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';

/** What the player shows: code per language, the language, the chat texts. */
function view(doc: Y.Doc) {
  return {
    files: doc.getMap<Y.Text>(ROOM_KEYS.files).toJSON() as Record<string, string>,
    language: doc.getMap(ROOM_KEYS.meta).get('language') ?? null,
    chat: doc
      .getArray<{ text: string }>(ROOM_KEYS.chat)
      .toArray()
      .map((m) => m.text),
  };
}

/** The public document rebuilt from the replay log: every update whose server time is at or before `at`. */
function rebuildAt(log: ReplayLog, at: Date) {
  const { offsets, updates } = unpackReplayUpdates(new Uint8Array(Buffer.from(log.updates, 'base64')));
  const start = log.startedAt ? Date.parse(log.startedAt) : 0;
  const doc = new Y.Doc();
  updates.forEach((update, i) => {
    if (start + (offsets[i] as number) <= at.getTime()) Y.applyUpdate(doc, update);
  });
  const result = view(doc);
  doc.destroy();
  return result;
}

describe('the session replay', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let room: RoomFixture;
  /** The live document as the interviewer saw it at moments during the session. */
  const moments: { at: Date; seen: ReturnType<typeof view> }[] = [];

  async function open(cookie: string): Promise<{ socket: RawRoomClient; doc: RawDoc }> {
    const socket = await RawRoomClient.connect(url, { cookie });
    const doc = socket.open(roomDocumentName(room.interviewId));
    await eventually(() => expect(doc.synced).toBe(true));
    return { socket, doc };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, url } = await listenRoomApp(database));
    room = await seedRoom(database.db, { integritySignals: true });
    const interviewer = await open(room.interviewer.cookie);
    const candidate = await open(room.candidate.cookie);
    const name = roomDocumentName(room.interviewId);

    /** Waits until both sides agree and everything is stored, records the moment, then lets the clock move on. */
    async function record(): Promise<void> {
      await eventually(() => expect(candidate.doc.unacked).toBe(0));
      await eventually(() => expect(interviewer.doc.unacked).toBe(0));
      await eventually(() => expect(view(interviewer.doc.doc)).toEqual(view(candidate.doc.doc)));
      const at = new Date();
      moments.push({ at, seen: view(interviewer.doc.doc) });
      await eventually(() => expect(Date.now()).toBeGreaterThan(at.getTime() + 2));
    }

    try {
      await script(interviewer, candidate, name, record);
    } finally {
      interviewer.socket.close();
      candidate.socket.close();
    }
  });

  async function script(
    interviewer: { socket: RawRoomClient; doc: RawDoc },
    candidate: { socket: RawRoomClient; doc: RawDoc },
    name: string,
    record: () => Promise<void>,
  ): Promise<void> {
    const python = new Y.Text();
    candidate.doc.doc.getMap<Y.Text>(ROOM_KEYS.files).set('python', python);
    python.insert(0, 'def solve():\n');
    await record();
    python.insert(python.length, '    return 42\n');
    await record();
    // A language switch: the client sets meta.language and tells the server for the timeline (as the room page does).
    interviewer.doc.doc.getMap(ROOM_KEYS.meta).set('language', 'javascript');
    interviewer.socket.sendStateless(name, { type: 'language', language: 'javascript' });
    await eventually(() => expect(candidate.doc.doc.getMap(ROOM_KEYS.meta).get('language')).toBe('javascript'));
    const js = new Y.Text();
    candidate.doc.doc.getMap<Y.Text>(ROOM_KEYS.files).set('javascript', js);
    js.insert(0, 'function solve() {}');
    await record();
    candidate.socket.sendStateless(name, { type: 'chat', text: 'switched to JS' });
    await eventually(() => expect(interviewer.doc.doc.getArray(ROOM_KEYS.chat).length).toBe(1));
    await record();
    js.delete(9, 5);
    js.insert(9, 'answer');
    const interviewerText = interviewer.doc.doc.getMap<Y.Text>(ROOM_KEYS.files).get('python');
    interviewerText?.insert(0, '# interviewer was here\n');
    await record();
  }

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  function replay(headers: Record<string, string>, interviewId = room.interviewId) {
    return app.inject({ url: `/api/v1/interviews/${interviewId}/replay`, headers });
  }

  it('rebuilds, at every recorded moment, exactly the document that was live then', async () => {
    const res = await replay(room.interviewer.headers);
    expect(res.statusCode).toBe(200);
    const log = ReplayLogSchema.parse(res.json());
    expect(log.count).toBeGreaterThanOrEqual(6);
    expect(moments).toHaveLength(5);
    // The moments differ, so the comparison can tell them apart.
    expect(new Set(moments.map((m) => JSON.stringify(m.seen))).size).toBe(5);
    for (const moment of moments) expect(rebuildAt(log, moment.at)).toEqual(moment.seen);
    expect(rebuildAt(log, new Date(0))).toEqual({ files: {}, language: null, chat: [] });
    expect(moments.at(-1)?.seen.files.javascript).toBe('function answer() {}');
  });

  it('carries the timeline markers (language, chat, joins and leaves) but no edits', async () => {
    await eventually(async () => {
      const log = ReplayLogSchema.parse((await replay(room.interviewer.headers)).json());
      expect(log.events.filter((e) => e.kind === 'leave')).toHaveLength(2);
      expect(log.events.filter((e) => e.kind === 'join')).toHaveLength(2);
      expect(log.events.filter((e) => e.kind === 'language')).toMatchObject([{ detail: { language: 'javascript' } }]);
      expect(log.events.filter((e) => e.kind === 'chat')).toMatchObject([{ detail: { text: 'switched to JS' } }]);
      expect(log.events.some((e) => e.kind === 'edit')).toBe(false);
      expect(log.notes).toEqual([]);
    });
  });

  it('is for the organisation only: anonymous 401, candidate and outsiders 403, unknown interview 404', async () => {
    expect((await replay({})).statusCode).toBe(401);
    expect((await replay({ cookie: room.candidate.cookie })).statusCode).toBe(403);
    expect((await replay({ cookie: room.observer.cookie })).statusCode).toBe(403);
    const outsider = await replay(room.outsider.headers);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.headers['content-type']).toContain('application/problem+json');
    expect(outsider.json()).toMatchObject({ code: 'auth.forbidden', status: 403 });
    const unknown = await replay(room.interviewer.headers, randomUUID());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'resource.not_found' });
  });
});
