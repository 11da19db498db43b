import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  ProblemSchema,
  RecordingChunkStoredSchema,
  RecordingListSchema,
  RecordingPlaybackSchema,
  RecordingSchema,
  ROOM_KEYS,
  ROOM_META_RECORDING,
  roomDocumentName,
  type Interview,
  type Recording,
} from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { createInterview, createLink, joinAsGuest, transition } from '../../../test/interviews.js';
import { RawRoomClient } from '../../../test/raw-room-client.js';
import {
  faultyStorage,
  ffprobeDurationMs,
  putChunk,
  recordedWebm,
  splitInto,
  startRecording,
  stopRecording,
} from '../../../test/recordings.js';
import { createOrgWithMembers, signedInUser, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createObjectStorage } from '../../platform/storage/object-storage.js';

const EBML_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
const SECONDS = 4;

describe('interview recordings', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let dir: string;
  let storage: ReturnType<typeof faultyStorage>;
  let amy: SignedIn;
  let rita: SignedIn;
  let outsider: SignedIn;
  let orgId: string;
  let webm: Buffer;
  let skewMs = 0;
  const env = { RECORDING_URL_TTL_SECONDS: '60' };
  const deps = () => ({ recordingStorage: storage, now: () => new Date(Date.now() + skewMs) });

  async function liveInterview(recordingAllowed = true, start = true): Promise<Interview> {
    const interview = await createInterview(app, amy, orgId, {
      options: { anonymous: false, recordingAllowed, integritySignals: false },
    });
    if (start) expect((await transition(app, amy, interview.id, 'start')).statusCode).toBe(200);
    return interview;
  }

  async function recordingOf(id: string, who = amy): Promise<Recording> {
    const res = await app.inject({ url: `/api/v1/recordings/${id}`, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return RecordingSchema.parse(res.json());
  }

  async function ready(id: string, on = app): Promise<Recording> {
    return eventually(
      async () => {
        const res = await on.inject({ url: `/api/v1/recordings/${id}`, headers: amy.headers });
        const recording = RecordingSchema.parse(res.json());
        expect(recording.status).not.toBe('processing');
        return recording;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }

  async function uploadAll(id: string, chunks: Buffer[], on = app): Promise<void> {
    for (const [seq, chunk] of chunks.entries()) {
      expect((await putChunk(on, amy.headers, id, seq, chunk)).statusCode).toBe(200);
    }
  }

  /** A recorded, stopped and processed recording. */
  async function readyRecording(): Promise<Recording> {
    const interview = await liveInterview();
    const recording = await startRecording(app, amy.headers, interview.id);
    const chunks = splitInto(webm, 3);
    await uploadAll(recording.id, chunks);
    expect((await stopRecording(app, amy.headers, recording.id, chunks.length)).statusCode).toBe(200);
    const done = await ready(recording.id);
    expect(done.status).toBe('ready');
    return done;
  }

  const playbackUrl = async (id: string, who = rita) => {
    const res = await app.inject({ url: `/api/v1/recordings/${id}/playback`, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return RecordingPlaybackSchema.parse(res.json()).url;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), 'isel-recordings-'));
    storage = faultyStorage(createObjectStorage({ driver: 'local', dir: path.join(dir, 'storage') }));
    app = await createTestApp(database, env, deps());
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const sign = (name: string) => signedInUser(app, database.db, { name });
    [amy, rita, outsider] = await Promise.all([sign('Amy Asker'), sign('Rita Recruiter'), sign('Otto Outsider')]);
    orgId = (await createOrgWithMembers(database.db, { [amy.user.id]: 'interviewer', [rita.user.id]: 'recruiter' })).id;
    await createOrgWithMembers(database.db, { [outsider.user.id]: 'admin' });
    const file = path.join(dir, 'fixture.webm');
    await recordedWebm(file, SECONDS);
    webm = await readFile(file);
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('only the interview’s interviewers start and upload, only while live and when the interview allows recording', async () => {
    const interview = await liveInterview();
    const candidate = await joinAsGuest(app, (await createLink(app, amy, interview.id, 'candidate')).token, 'Casey');
    const observer = await joinAsGuest(app, (await createLink(app, amy, interview.id, 'observer')).token, 'Olga');
    const start = (headers: Record<string, string>, id = interview.id) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/interviews/${id}/recordings`,
        headers,
        payload: { mimeType: 'video/webm' },
      });
    expect((await start(candidate)).statusCode).toBe(403);
    expect((await start(observer)).statusCode).toBe(403);
    expect((await start(rita.headers)).statusCode).toBe(403);
    const recording = await startRecording(app, amy.headers, interview.id);
    expect((await start(amy.headers)).json()).toMatchObject({ code: 'recording.invalid_state' });
    for (const who of [candidate, observer, rita.headers]) {
      expect((await putChunk(app, who, recording.id, 0, webm.subarray(0, 100))).statusCode).toBe(403);
      expect((await stopRecording(app, who, recording.id, 1)).statusCode).toBe(403);
    }

    const notAllowed = await liveInterview(false);
    const refused = await start(amy.headers, notAllowed.id);
    expect(refused.statusCode).toBe(409);
    expect(ProblemSchema.parse(refused.json()).detail).toMatch(/does not allow recording/);
    const notLive = await liveInterview(true, false);
    expect((await start(amy.headers, notLive.id)).json()).toMatchObject({ code: 'recording.invalid_state' });
    // A chunk over the size cap is refused before it is read whole.
    const big = await putChunk(app, amy.headers, recording.id, 0, Buffer.alloc(8 * 1024 * 1024 + 1));
    expect(big.statusCode).toBe(413);
  });

  it('accepts chunks out of order and retries without duplicates, survives a failed chunk, and remuxes to a seekable file', async () => {
    const interview = await liveInterview();
    const socket = await RawRoomClient.connect(url, { cookie: amy.headers.cookie ?? '' });
    const room = socket.open(roomDocumentName(interview.id));
    await eventually(() => expect(room.synced).toBe(true));
    const recording = await startRecording(app, amy.headers, interview.id);
    await eventually(() =>
      expect(room.doc.getMap(ROOM_KEYS.meta).get(ROOM_META_RECORDING)).toMatchObject({ recordingId: recording.id }),
    );

    // Only the server writes the indicator: a candidate clearing it is refused and nobody else sees the change.
    const candidate = await joinAsGuest(app, (await createLink(app, amy, interview.id, 'candidate')).token, 'Casey');
    const candidateSocket = await RawRoomClient.connect(url, { cookie: candidate.cookie ?? '' });
    const candidateRoom = candidateSocket.open(roomDocumentName(interview.id));
    await eventually(() => expect(candidateRoom.synced).toBe(true));
    candidateRoom.doc.getMap(ROOM_KEYS.meta).set(ROOM_META_RECORDING, null);
    await eventually(() => expect(candidateRoom.stateless.join()).toMatch(/written by the server only/));
    candidateSocket.close();
    expect(room.doc.getMap(ROOM_KEYS.meta).get(ROOM_META_RECORDING)).toMatchObject({ recordingId: recording.id });

    const chunks = splitInto(webm, 6);
    const put = (seq: number) => putChunk(app, amy.headers, recording.id, seq, chunks[seq] ?? Buffer.alloc(0));
    for (const seq of [2, 0, 1]) expect(RecordingChunkStoredSchema.parse((await put(seq)).json()).stored).toBe(true);
    const retried = RecordingChunkStoredSchema.parse((await put(1)).json());
    expect(retried).toEqual({ seq: 1, stored: false, received: 3 });
    storage.failNextPut('/chunks/000003');
    expect((await put(3)).statusCode).toBe(500);
    const early = await stopRecording(app, amy.headers, recording.id, 6);
    expect(early.statusCode).toBe(409);
    expect(ProblemSchema.parse(early.json()).detail).toMatch(/Chunks 3, 4, 5 have not arrived/);
    for (const seq of [5, 3, 4]) expect((await put(seq)).statusCode).toBe(200);
    expect((await recordingOf(recording.id)).chunksReceived).toBe(6);

    const stopped = await stopRecording(app, amy.headers, recording.id, 6);
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(RecordingSchema.parse(stopped.json()).status).toMatch(/processing|ready/);
    await eventually(() => expect(room.doc.getMap(ROOM_KEYS.meta).get(ROOM_META_RECORDING)).toBeNull());
    socket.close();
    // A chunk after the stop is refused; the stop itself can be repeated.
    expect((await putChunk(app, amy.headers, recording.id, 6, chunks[0] ?? Buffer.alloc(1))).statusCode).toBe(409);
    expect((await stopRecording(app, amy.headers, recording.id, 6)).statusCode).toBe(200);

    const done = await ready(recording.id);
    expect(done.status, done.error ?? '').toBe('ready');
    expect(done.durationMs).toBeGreaterThan(SECONDS * 1000 - 300);
    expect(done.durationMs).toBeLessThan(SECONDS * 1000 + 300);

    // At rest: one encrypted object, no plaintext WebM, the chunks gone.
    const stored = path.join(dir, 'storage', 'recordings', recording.id);
    expect(await readdir(stored)).toEqual(['chunks', 'media.webm']);
    expect(await readdir(path.join(stored, 'chunks'))).toEqual([]);
    const atRest = await readFile(path.join(stored, 'media.webm'));
    expect(atRest.subarray(0, 4).equals(EBML_MAGIC)).toBe(false);
    expect(atRest.includes(Buffer.from('webm'))).toBe(false);

    // Served decrypted: a WebM whose container has the duration (ffprobe).
    const media = await fetch(`${url}${await playbackUrl(recording.id)}`);
    expect(media.status).toBe(200);
    const bytes = Buffer.from(await media.arrayBuffer());
    expect(bytes.subarray(0, 4).equals(EBML_MAGIC)).toBe(true);
    const out = path.join(dir, `${recording.id}.webm`);
    await writeFile(out, bytes);
    expect(Math.abs((await ffprobeDurationMs(out)) - SECONDS * 1000)).toBeLessThan(300);
  });

  it('keeps every stored chunk across a server restart mid-recording', async () => {
    const interview = await liveInterview();
    const recording = await startRecording(app, amy.headers, interview.id);
    const chunks = splitInto(webm, 4);
    const first = await createTestApp(database, env, deps());
    await uploadAll(recording.id, chunks.slice(0, 2), first);
    await first.close();
    const second = await createTestApp(database, env, deps());
    try {
      for (const seq of [2, 3]) {
        expect(
          (await putChunk(second, amy.headers, recording.id, seq, chunks[seq] ?? Buffer.alloc(0))).statusCode,
        ).toBe(200);
      }
      expect((await stopRecording(second, amy.headers, recording.id, 4)).statusCode).toBe(200);
      const done = await ready(recording.id, second);
      expect(done.status).toBe('ready');
      expect(done.durationMs).toBeGreaterThan(SECONDS * 1000 - 300);
    } finally {
      await second.close();
    }
  });

  it('finishes a recording whose tab went away (no chunk for a minute) when the next one starts, keeping the chunks in order', async () => {
    const interview = await liveInterview();
    const abandoned = await startRecording(app, amy.headers, interview.id);
    const chunks = splitInto(webm, 4);
    for (const seq of [0, 1, 3]) {
      expect((await putChunk(app, amy.headers, abandoned.id, seq, chunks[seq] ?? Buffer.alloc(0))).statusCode).toBe(
        200,
      );
    }
    skewMs = 61_000;
    try {
      const next = await startRecording(app, amy.headers, interview.id);
      expect(next.id).not.toBe(abandoned.id);
    } finally {
      skewMs = 0;
    }
    const done = await ready(abandoned.id);
    expect(done.status, done.error ?? '').toBe('ready');
    expect(done.durationMs).toBeLessThan(SECONDS * 1000);
    expect(await readdir(path.join(dir, 'storage', 'recordings', abandoned.id, 'chunks'))).toEqual([]);
  });

  it('serves byte ranges through signed URLs that expire and cannot be forged; org members only', async () => {
    const recording = await readyRecording();
    const signed = await playbackUrl(recording.id);
    const whole = Buffer.from(await (await fetch(`${url}${signed}`)).arrayBuffer());
    expect(whole.length).toBe(recording.sizeBytes);

    const ranged = await fetch(`${url}${signed}`, { headers: { range: 'bytes=30000-80000' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 30000-80000/${whole.length}`);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(whole.subarray(30_000, 80_001))).toBe(true);
    const tail = await fetch(`${url}${signed}`, { headers: { range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(whole.length - 10))).toBe(true);
    const outside = await fetch(`${url}${signed}`, { headers: { range: `bytes=${whole.length}-` } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${whole.length}`);

    // Forged: another recording's id, a changed expiry, a changed signature.
    const other = await readyRecording();
    const forged = [
      signed.replace(recording.id, other.id),
      signed.replace(/exp=(\d+)/, (_, exp: string) => `exp=${Number(exp) + 3600}`),
      signed.replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`),
    ];
    for (const link of forged) {
      const res = await fetch(`${url}${link}`);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('recording.link_invalid');
    }
    // Expired: the same link a minute later (TTL 60 s).
    skewMs = 61_000;
    try {
      expect((await fetch(`${url}${signed}`)).status).toBe(403);
    } finally {
      skewMs = 0;
    }
    // Who may ask for a link: the organisation (like the report), not outsiders or guests.
    const candidate = await joinAsGuest(app, (await createLink(app, amy, recording.interviewId, 'candidate')).token);
    expect(
      (await app.inject({ url: `/api/v1/recordings/${recording.id}/playback`, headers: outsider.headers })).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ url: `/api/v1/recordings/${recording.id}/playback`, headers: candidate })).statusCode,
    ).toBe(403);
    const list = await app.inject({
      url: `/api/v1/interviews/${recording.interviewId}/recordings`,
      headers: rita.headers,
    });
    expect(RecordingListSchema.parse(list.json()).items.map((r) => r.id)).toEqual([recording.id]);
  });

  it('refuses media whose stored bytes were changed', async () => {
    const recording = await readyRecording();
    const signed = await playbackUrl(recording.id);
    const file = path.join(dir, 'storage', 'recordings', recording.id, 'media.webm');
    const bytes = await readFile(file);
    bytes[100] = (bytes[100] ?? 0) ^ 0x01;
    await writeFile(file, bytes);
    const res = await fetch(`${url}${signed}`, { headers: { range: 'bytes=0-99' } });
    expect(res.status).toBe(500);
  });
});
