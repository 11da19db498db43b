import { roomDocumentName } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.js';
import type { RawDoc } from '../../../test/raw-room-client.js';
import { seedRoom } from '../../../test/room-fixtures.js';
import { useTwoRedisNodes } from '../../../test/two-redis-nodes.js';

const SDP = 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendrecv\r\n';

/** Two nodes joined by a real Redis: signalling reaches a peer on the other node, and only that peer. */
describe('call signalling across two nodes through Redis', () => {
  const two = useTwoRedisNodes();
  async function open(node: number, cookie: string, name: string) {
    const { socket, doc } = await two.open(node, cookie, name);
    return { doc, send: (payload: unknown) => socket.sendStateless(name, payload) };
  }
  const media = (d: RawDoc) => d.stateless.map((s) => JSON.parse(s) as { type: string; from?: string });

  it('delivers an offer to the target on the other node and to nobody else', async () => {
    const room = await seedRoom(two.database.db);
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
