import { createHmac } from 'node:crypto';
import { roomDocumentName } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.js';
import { RawRoomClient, type RawDoc } from '../../../test/raw-room-client.js';
import { listenRoomApp, seedRoom, type RoomFixture } from '../../../test/room-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';

const TURN_SECRET = 'coturn-static-auth-secret-for-tests';
const OFFER_SDP =
  'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n';
const RECV_ONLY_SDP = OFFER_SDP.replace('a=sendrecv', 'a=recvonly');

type Parsed = { type: string; from?: string; label?: string; sdp?: string; message?: string };
const messages = (d: RawDoc): Parsed[] => d.stateless.map((s) => JSON.parse(s) as Parsed);
const media = (d: RawDoc) => messages(d).filter((m) => m.type.startsWith('media.'));
const errors = (d: RawDoc) => messages(d).filter((m) => m.type === 'error');

/**
 * Call signalling over the real room socket: what one member sends reaches
 * only the peer it names, carries the sender the server knows, and never
 * crosses into another room; observers only receive; the ICE endpoint mints
 * coturn REST credentials.
 */
describe('call signalling on the room socket', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  const clients: RawRoomClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, url } = await listenRoomApp(database, {
      STUN_URLS: 'stun:stun.example.test:3478',
      TURN_URLS: 'turn:turn.example.test:3478?transport=udp,turns:turn.example.test:5349',
      TURN_SECRET,
      TURN_TTL_SECONDS: '600',
    }));
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await app.close();
    await database.close();
  });

  async function join(room: RoomFixture, who: 'interviewer' | 'candidate' | 'observer'): Promise<RawDoc> {
    const client = await RawRoomClient.connect(url, { cookie: room[who].cookie });
    clients.push(client);
    const doc = client.open(roomDocumentName(room.interviewId));
    await eventually(() => expect(doc.synced).toBe(true));
    return Object.assign(doc, { send: (payload: unknown) => client.sendStateless(doc.name, payload) });
  }
  type Peer = RawDoc & { send(payload: unknown): void };
  const peers = async (room: RoomFixture) =>
    ({
      interviewer: (await join(room, 'interviewer')) as Peer,
      candidate: (await join(room, 'candidate')) as Peer,
      observer: (await join(room, 'observer')) as Peer,
    }) as const;

  it('relays an offer to the named peer only, from the sender the server knows (anonymous labels)', async () => {
    const room = await seedRoom(database.db, { anonymous: true });
    const { interviewer, candidate, observer } = await peers(room);
    // A forged sender is not part of the message: the server sets `from` and `label` itself.
    interviewer.send({
      type: 'media.offer',
      to: room.candidate.participantId,
      sdp: OFFER_SDP,
      from: room.observer.participantId,
      label: room.observer.name,
    });
    await eventually(() => expect(media(candidate)).toHaveLength(1));
    const [offer] = media(candidate);
    expect(offer).toEqual({
      type: 'media.offer',
      from: room.interviewer.participantId,
      label: expect.stringMatching(/^Interviewer/) as unknown,
      role: 'interviewer',
      sdp: OFFER_SDP,
    });
    expect(JSON.stringify(offer)).not.toContain(room.interviewer.name);
    // The answer goes back to the interviewer only, labelled "Candidate" (never the name or e-mail).
    candidate.send({ type: 'media.answer', to: room.interviewer.participantId, sdp: OFFER_SDP });
    await eventually(() => expect(media(interviewer)).toHaveLength(1));
    expect(media(interviewer)[0]).toMatchObject({ type: 'media.answer', from: room.candidate.participantId });
    expect(media(interviewer)[0]!.label).toBe('Candidate');
    expect(JSON.stringify(media(interviewer))).not.toContain(room.candidate.email);
    expect(media(observer)).toEqual([]);
    expect(media(candidate)).toHaveLength(1);
  });

  it('sends a hello without a target to everyone else, and a reply to its target only', async () => {
    const room = await seedRoom(database.db);
    const { interviewer, candidate, observer } = await peers(room);
    candidate.send({ type: 'media.hello' });
    await eventually(() => expect(media(interviewer)).toHaveLength(1));
    await eventually(() => expect(media(observer)).toHaveLength(1));
    expect(media(interviewer)[0]).toMatchObject({ type: 'media.hello', publishes: true, reply: false });
    observer.send({ type: 'media.hello', to: room.candidate.participantId });
    await eventually(() => expect(media(candidate)).toHaveLength(1));
    expect(media(candidate)[0]).toMatchObject({
      type: 'media.hello',
      from: room.observer.participantId,
      role: 'observer',
      publishes: false,
      reply: true,
    });
    expect(media(interviewer)).toHaveLength(1);
  });

  it('never delivers into another room, even to a participant id of that room', async () => {
    const roomA = await seedRoom(database.db);
    const roomB = await seedRoom(database.db);
    const a = await peers(roomA);
    const b = await peers(roomB);
    a.interviewer.send({ type: 'media.offer', to: roomB.candidate.participantId, sdp: OFFER_SDP });
    a.interviewer.send({ type: 'media.candidate', to: roomB.candidate.participantId, candidate: null });
    a.interviewer.send({ type: 'media.hello' });
    // The hello in room A arrived, so the earlier messages were handled: nothing reached room B.
    await eventually(() => expect(media(a.candidate)).toHaveLength(1));
    for (const peer of [b.interviewer, b.candidate, b.observer]) expect(media(peer)).toEqual([]);
    expect(media(a.candidate)[0]!.type).toBe('media.hello');
  });

  it('lets observers receive but never publish: no offers, no answers that send media', async () => {
    const room = await seedRoom(database.db);
    const { interviewer, observer } = await peers(room);
    observer.send({ type: 'media.offer', to: room.interviewer.participantId, sdp: OFFER_SDP });
    observer.send({ type: 'media.answer', to: room.interviewer.participantId, sdp: OFFER_SDP });
    await eventually(() => expect(errors(observer)).toHaveLength(2));
    expect(errors(observer)[0]!.message).toMatch(/cannot send offers/);
    expect(errors(observer)[1]!.message).toMatch(/may not send audio or video/);
    observer.send({ type: 'media.answer', to: room.interviewer.participantId, sdp: RECV_ONLY_SDP });
    await eventually(() => expect(media(interviewer)).toHaveLength(1));
    expect(media(interviewer)[0]).toMatchObject({ type: 'media.answer', sdp: RECV_ONLY_SDP });
  });

  it('has no call once the interview has ended', async () => {
    const room = await seedRoom(database.db, { status: 'ended' });
    const interviewer = (await join(room, 'interviewer')) as Peer;
    const candidate = (await join(room, 'candidate')) as Peer;
    interviewer.send({ type: 'media.hello' });
    await eventually(() => expect(errors(interviewer)).toHaveLength(1));
    expect(errors(interviewer)[0]!.message).toMatch(/call is over/);
    expect(media(candidate)).toEqual([]);
    const response = await app.inject({
      url: `/api/v1/interviews/${room.interviewId}/media/ice-servers`,
      headers: { cookie: room.interviewer.cookie },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'media.call_closed' });
  });

  it('rejects malformed signalling (bad target, oversized SDP)', async () => {
    const room = await seedRoom(database.db);
    const { interviewer, candidate } = await peers(room);
    interviewer.send({ type: 'media.offer', to: 'not-a-participant', sdp: OFFER_SDP });
    interviewer.send({ type: 'media.offer', to: room.candidate.participantId, sdp: 'x'.repeat(70_000) });
    await eventually(() => expect(errors(interviewer)).toHaveLength(2));
    expect(media(candidate)).toEqual([]);
  });

  describe('GET /api/v1/interviews/:interviewId/media/ice-servers', () => {
    it('gives members STUN and TURN with a credential coturn verifies (HMAC-SHA1 of the username)', async () => {
      const room = await seedRoom(database.db);
      const before = Math.floor(Date.now() / 1000);
      const response = await app.inject({
        url: `/api/v1/interviews/${room.interviewId}/media/ice-servers`,
        headers: { cookie: room.candidate.cookie },
      });
      expect(response.statusCode).toBe(200);
      const body = response.json<{
        iceServers: { urls: string[]; username?: string; credential?: string }[];
        expiresAt: string;
        publishes: boolean;
      }>();
      expect(body.publishes).toBe(true);
      expect(body.iceServers[0]).toEqual({ urls: ['stun:stun.example.test:3478'] });
      const turn = body.iceServers[1]!;
      expect(turn.urls).toEqual(['turn:turn.example.test:3478?transport=udp', 'turns:turn.example.test:5349']);
      const [expiry, participant] = turn.username!.split(':');
      expect(participant).toBe(room.candidate.participantId);
      expect(Number(expiry)).toBeGreaterThanOrEqual(before + 600);
      expect(Number(expiry)).toBeLessThanOrEqual(before + 602);
      expect(new Date(body.expiresAt).getTime()).toBe(Number(expiry) * 1000);
      // What coturn computes with use-auth-secret; a different secret does not verify.
      expect(turn.credential).toBe(createHmac('sha1', TURN_SECRET).update(turn.username!).digest('base64'));
      expect(turn.credential).not.toBe(createHmac('sha1', 'another-secret').update(turn.username!).digest('base64'));
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('tells observers they do not publish, and refuses outsiders and anonymous callers', async () => {
      const room = await seedRoom(database.db);
      const observer = await app.inject({
        url: `/api/v1/interviews/${room.interviewId}/media/ice-servers`,
        headers: { cookie: room.observer.cookie },
      });
      expect(observer.json()).toMatchObject({ publishes: false });
      const outsider = await app.inject({
        url: `/api/v1/interviews/${room.interviewId}/media/ice-servers`,
        headers: room.outsider.headers,
      });
      expect(outsider.statusCode).toBe(403);
      expect(outsider.headers['content-type']).toMatch(/application\/problem\+json/);
      const anonymous = await app.inject({ url: `/api/v1/interviews/${room.interviewId}/media/ice-servers` });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
