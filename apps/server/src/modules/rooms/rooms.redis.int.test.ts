import { ROOM_KEYS, roomDocumentName } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../../../test/eventually.js';
import type { RawDoc } from '../../../test/raw-room-client.js';
import { seedRoom } from '../../../test/room-fixtures.js';
import { useTwoRedisNodes } from '../../../test/two-redis-nodes.js';
import { queryRows } from '../../platform/db.js';

/**
 * Two server nodes joined only by the database and a real Redis (under a
 * random key prefix): rooms are not pinned to a node, so clients of one room
 * on different nodes must see each other, and the log must hold each update once.
 */
describe('rooms across two nodes through Redis', () => {
  const two = useTwoRedisNodes();
  const { nodes, open } = two;

  const code = (d: RawDoc) => d.doc.getMap<Y.Text>(ROOM_KEYS.files).get('python')?.toJSON() ?? '';

  it('shows edits made on one node to clients on the other, and logs each update once', async () => {
    const room = await seedRoom(two.database.db);
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
      two.database.db,
      sql`select count(*)::int as n, count(distinct seq)::int as seqs from room_updates
          where interview_id = ${room.interviewId} and doc = 'room'`,
    );
    // 1 map entry + 5 characters from a, 3 characters from b: nothing logged twice.
    expect(rows[0]).toEqual({ n: 9, seqs: 9 });
  });

  it('carries status changes and chat to the other node', async () => {
    const room = await seedRoom(two.database.db);
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
