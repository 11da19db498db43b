import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { privateDocumentName, ROOM_KEYS, roomDocumentName, type ChatMessage } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { eventually } from '../../../test/eventually.js';
import { RawRoomClient, type RawDoc } from '../../../test/raw-room-client.js';
import { listenRoomApp, seedRoom, type testRoomAccess } from '../../../test/room-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { queryRows } from '../../platform/db.js';

describe('the room socket (/ws)', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let access: ReturnType<typeof testRoomAccess>;
  const clients: RawRoomClient[] = [];
  const providers: HocuspocusProvider[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, url, access } = await listenRoomApp(database));
  });

  afterAll(async () => {
    for (const p of providers) p.destroy();
    for (const c of clients) c.close();
    await app.close();
    await database.close();
  });

  async function connect(cookie: string): Promise<RawRoomClient> {
    const client = await RawRoomClient.connect(url, { cookie });
    clients.push(client);
    return client;
  }

  async function openSynced(client: RawRoomClient, name: string): Promise<RawDoc> {
    const doc = client.open(name);
    await eventually(() => expect(doc.synced || typeof doc.auth === 'object').toBe(true));
    return doc;
  }

  const text = (d: RawDoc) => d.doc.getMap<Y.Text>(ROOM_KEYS.files).get('python')?.toJSON() ?? '';

  /** The interviewer's client writes the first code so others have a Y.Text to look at. */
  async function writeCode(d: RawDoc, content: string) {
    d.doc.transact(() => {
      const files = d.doc.getMap<Y.Text>(ROOM_KEYS.files);
      let t = files.get('python');
      if (!t) {
        t = new Y.Text();
        files.set('python', t);
      }
      t.insert(t.length, content);
    });
    await eventually(() => expect(d.unacked).toBe(0));
  }

  it('refuses the upgrade without a session or from another origin', async () => {
    await expect(RawRoomClient.connect(url)).rejects.toThrow(/401/);
    const room = await seedRoom(database.db);
    await expect(
      RawRoomClient.connect(url, { cookie: room.interviewer.cookie, origin: 'https://evil.example' }),
    ).rejects.toThrow(/403/);
  });

  it('lets two clients see each other’s edits, acknowledged only once stored', async () => {
    const room = await seedRoom(database.db);
    const a = await openSynced(await connect(room.interviewer.cookie), roomDocumentName(room.interviewId));
    const b = await openSynced(await connect(room.candidate.cookie), roomDocumentName(room.interviewId));
    expect(a.auth).toBe('read-write');
    expect(b.auth).toBe('read-write');
    await writeCode(a, 'print(1)\n');
    await eventually(() => expect(text(b)).toBe('print(1)\n'));
    b.doc.getMap<Y.Text>(ROOM_KEYS.files).get('python')!.insert(0, '# hi\n');
    await eventually(() => expect(text(a)).toBe('# hi\nprint(1)\n'));
    await eventually(() => expect(b.unacked).toBe(0));
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from room_updates where interview_id = ${room.interviewId} and doc = 'room'`,
    );
    expect(rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('does not send a client its own edits and presence back; the other client gets both', async () => {
    const room = await seedRoom(database.db);
    const name = roomDocumentName(room.interviewId);
    const aClient = await connect(room.interviewer.cookie);
    const bClient = await connect(room.candidate.cookie);
    const a = await openSynced(aClient, name);
    const b = await openSynced(bClient, name);
    await writeCode(a, 'x = 1\n');
    await eventually(() => expect(text(b)).toBe('x = 1\n'));
    aClient.setAwareness(name, { cursor: null });
    await eventually(() => expect(bClient.receivedPresence(name).flat()).toContain(a.doc.clientID));
    // B's edit and presence reach A, so A has had every chance to get its own copies back first.
    b.doc.getMap<Y.Text>(ROOM_KEYS.files).get('python')!.insert(0, '# b\n');
    bClient.setAwareness(name, { cursor: null });
    await eventually(() => expect(text(a)).toBe('# b\nx = 1\n'));
    await eventually(() => expect(aClient.receivedPresence(name).flat()).toContain(b.doc.clientID));
    expect(aClient.receivedUpdates(name)).toHaveLength(1);
    expect(bClient.receivedUpdates(name)).toHaveLength(1);
    expect(aClient.receivedPresence(name).flat()).not.toContain(a.doc.clientID);
    expect(bClient.receivedPresence(name).flat()).not.toContain(b.doc.clientID);
    expect(a.acks.filter(Boolean).length).toBeGreaterThanOrEqual(1);
  });

  it('never lets a candidate load the private document', async () => {
    const room = await seedRoom(database.db);
    const candidate = await connect(room.candidate.cookie);
    const priv = candidate.open(privateDocumentName(room.interviewId));
    await eventually(() => expect(priv.auth).toEqual({ denied: 'auth.forbidden' }));
    expect(priv.synced).toBe(false);
    const interviewer = await openSynced(await connect(room.interviewer.cookie), privateDocumentName(room.interviewId));
    expect(interviewer.auth).toBe('read-write');
  });

  it('refuses people without a place in the interview and candidates before the start', async () => {
    const room = await seedRoom(database.db, { status: 'scheduled' });
    const outsider = (await connect(room.outsider.cookie)).open(roomDocumentName(room.interviewId));
    await eventually(() => expect(outsider.auth).toEqual({ denied: 'auth.forbidden' }));
    const early = (await connect(room.candidate.cookie)).open(roomDocumentName(room.interviewId));
    await eventually(() => expect(early.auth).toEqual({ denied: 'room.not_started' }));
    const other = await seedRoom(database.db);
    const wrongRoom = (await connect(room.candidate.cookie)).open(roomDocumentName(other.interviewId));
    await eventually(() => expect(wrongRoom.auth).toEqual({ denied: 'auth.forbidden' }));
  });

  it('drops an observer’s writes: the server and other clients stay unchanged', async () => {
    const room = await seedRoom(database.db);
    const interviewer = await openSynced(await connect(room.interviewer.cookie), roomDocumentName(room.interviewId));
    await writeCode(interviewer, 'x = 1\n');
    const observer = await openSynced(await connect(room.observer.cookie), roomDocumentName(room.interviewId));
    expect(observer.auth).toBe('readonly');
    expect(text(observer)).toBe('x = 1\n');
    observer.doc.getMap<Y.Text>(ROOM_KEYS.files).get('python')!.insert(0, 'HACKED ');
    await eventually(() => expect(observer.acks.at(-1)).toBe(false));
    // A fresh client sees the server's document: untouched.
    const fresh = await openSynced(await connect(room.candidate.cookie), roomDocumentName(room.interviewId));
    expect(text(fresh)).toBe('x = 1\n');
    expect(text(interviewer)).toBe('x = 1\n');
  });

  it('turns the candidate read-only when the interview ends, and drops writes after the end', async () => {
    const room = await seedRoom(database.db);
    const candidateSocket = await connect(room.candidate.cookie);
    const candidate = await openSynced(candidateSocket, roomDocumentName(room.interviewId));
    const interviewer = await openSynced(await connect(room.interviewer.cookie), roomDocumentName(room.interviewId));
    await writeCode(candidate, 'def f(): pass\n');
    await access.setStatus(room.interviewId, 'ended');
    await eventually(() =>
      expect(candidate.stateless.map((s) => JSON.parse(s) as unknown)).toContainEqual({
        type: 'status',
        status: 'ended',
      }),
    );
    await eventually(() => expect(candidateSocket.closed?.code).toBe(4001));
    // Reconnected, the candidate is read-only and its edits are dropped.
    const again = await openSynced(await connect(room.candidate.cookie), roomDocumentName(room.interviewId));
    expect(again.auth).toBe('readonly');
    again.doc.getMap<Y.Text>(ROOM_KEYS.files).get('python')!.insert(0, 'late ');
    await eventually(() => expect(again.acks.at(-1)).toBe(false));
    const check = await openSynced(await connect(room.interviewer.cookie), roomDocumentName(room.interviewId));
    expect(text(check)).toBe('def f(): pass\n');
    expect(interviewer.auth).toBe('read-write');
  });

  it('keeps chat server-written: forged entries are dropped, chat messages carry the server’s author', async () => {
    const room = await seedRoom(database.db);
    const candidateSocket = await connect(room.candidate.cookie);
    const candidate = await openSynced(candidateSocket, roomDocumentName(room.interviewId));
    const interviewer = await openSynced(await connect(room.interviewer.cookie), roomDocumentName(room.interviewId));
    candidate.doc
      .getArray(ROOM_KEYS.chat)
      .push([{ id: 'x', at: 1, participantId: 'p', author: 'CEO', text: 'forged' }]);
    await eventually(() => expect(candidate.acks.at(-1)).toBe(false));
    candidateSocket.sendStateless(roomDocumentName(room.interviewId), { type: 'chat', text: 'hello there' });
    await eventually(() => expect(interviewer.doc.getArray<ChatMessage>(ROOM_KEYS.chat).toArray()).toHaveLength(1));
    const [message] = interviewer.doc.getArray<ChatMessage>(ROOM_KEYS.chat).toArray();
    expect(message).toMatchObject({
      author: room.candidate.name,
      participantId: room.candidate.participantId,
      text: 'hello there',
    });
    candidateSocket.sendStateless(roomDocumentName(room.interviewId), { type: 'chat', text: '' });
    await eventually(() => expect(candidate.stateless.some((s) => s.includes('"error"'))).toBe(true));
  });

  it('lets nobody set or clear another connection’s presence', async () => {
    const room = await seedRoom(database.db);
    const name = roomDocumentName(room.interviewId);
    const aSocket = await connect(room.interviewer.cookie);
    const a = await openSynced(aSocket, name);
    const bSocket = await connect(room.candidate.cookie);
    await openSynced(bSocket, name);
    const watcherSocket = await connect(room.observer.cookie);
    const watcher = await openSynced(watcherSocket, name);
    aSocket.setAwareness(name, { cursor: null });
    const aState = () => watcher.awareness.getStates().get(a.doc.clientID) as { user?: { role?: string } } | undefined;
    await eventually(() => expect(aState()?.user?.role).toBe('interviewer'));
    // B overwrites A's entry with a later clock, then tries to remove it, then sends an empty state of its own.
    bSocket.sendPresence(name, [{ clientId: a.doc.clientID, clock: 50, state: { cursor: null, user: { name: 'A' } } }]);
    bSocket.sendPresence(name, [{ clientId: a.doc.clientID, clock: 51, state: null }]);
    bSocket.sendPresence(name, [{ clientId: 4242, clock: 1, state: {} }]);
    bSocket.sendPresence(name, [{ clientId: 4243, clock: 1, state: { cursor: null } }]);
    await eventually(() =>
      expect((watcher.awareness.getStates().get(4243) as { user?: { role?: string } } | undefined)?.user?.role).toBe(
        'candidate',
      ),
    );
    expect(aState()?.user?.role).toBe('interviewer');
    expect(watcher.awareness.meta.get(a.doc.clientID)?.clock).toBe(a.awareness.meta.get(a.doc.clientID)?.clock);
    expect(watcher.awareness.getStates().has(4242)).toBe(false);
  });

  it('in anonymous mode, no frame a client receives carries a name or an e-mail (presence, chat)', async () => {
    const room = await seedRoom(database.db, { anonymous: true });
    const interviewerSocket = await connect(room.interviewer.cookie);
    const interviewer = await openSynced(interviewerSocket, roomDocumentName(room.interviewId));
    const candidateSocket = await connect(room.candidate.cookie);
    const candidate = await openSynced(candidateSocket, roomDocumentName(room.interviewId));
    // Clients claim their real names (what a careless web client would publish).
    candidateSocket.setAwareness(roomDocumentName(room.interviewId), {
      user: { name: room.candidate.name, email: room.candidate.email, color: '#ff0000' },
      secret: room.candidate.email,
    });
    interviewerSocket.setAwareness(roomDocumentName(room.interviewId), { user: { name: room.interviewer.name } });
    candidateSocket.sendStateless(roomDocumentName(room.interviewId), { type: 'chat', text: 'hi' });
    await eventually(() => {
      const states = [...interviewer.awareness.getStates().values()];
      expect(states).toContainEqual({
        user: { name: 'Candidate', participantId: room.candidate.participantId, role: 'candidate', color: '#ff0000' },
      });
      expect(interviewer.doc.getArray(ROOM_KEYS.chat).length).toBe(1);
      expect(
        [...candidate.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === 'Interviewer 1',
        ),
      ).toBe(true);
    });
    // A late joiner gets the whole state at once.
    const observerSocket = await connect(room.observer.cookie);
    await openSynced(observerSocket, roomDocumentName(room.interviewId));
    await eventually(() => expect(observerSocket.receivedText()).toContain('Candidate'));
    for (const socket of [interviewerSocket, candidateSocket, observerSocket]) {
      const received = socket.receivedText();
      for (const secret of [
        room.candidate.name,
        room.candidate.email,
        room.interviewer.name,
        room.interviewer.email,
        room.observer.name,
      ]) {
        expect(received).not.toContain(secret);
      }
    }
  });

  it('works with @hocuspocus/provider: cookies on the upgrade, one socket for both documents', async () => {
    const room = await seedRoom(database.db);
    class CookieWebSocket extends WebSocket {
      constructor(address: string) {
        super(address, { headers: { cookie: room.interviewer.cookie, origin: url } });
      }
    }
    const socket = new HocuspocusProviderWebsocket({
      url: `${url.replace('http', 'ws')}/ws`,
      WebSocketPolyfill: CookieWebSocket,
    });
    const doc = new Y.Doc();
    const publicDoc = new HocuspocusProvider({
      websocketProvider: socket,
      name: roomDocumentName(room.interviewId),
      document: doc,
    });
    const notes = new HocuspocusProvider({ websocketProvider: socket, name: privateDocumentName(room.interviewId) });
    providers.push(publicDoc, notes);
    publicDoc.attach();
    notes.attach();
    await eventually(() => expect(publicDoc.synced && notes.synced).toBe(true));
    doc.getMap<Y.Text>(ROOM_KEYS.files).set('python', new Y.Text('print("provider")'));
    notes.document.getText('notes').insert(0, 'strong candidate');
    await eventually(() => expect(publicDoc.hasUnsyncedChanges || notes.hasUnsyncedChanges).toBe(false));
    const candidate = await openSynced(await connect(room.candidate.cookie), roomDocumentName(room.interviewId));
    expect(text(candidate)).toBe('print("provider")');
  });
});
