/**
 * `npm run bench -- replay`: the session replay of a scripted 60-minute
 * interview (~50,000 Yjs updates from two typists, written to embedded PGlite
 * through the rooms repo): the server's time to build the replay payload and
 * its size, the player's time to open (parse + decode + checkpoints), and the
 * seek latency (p50/p99 over random moments) against the baseline measured in
 * the same run, the naive seek (every update from the start up to t).
 * It also compares the packed payload with a per-update JSON encoding.
 */
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { ROOM_KEYS, ReplayLogSchema } from '@interviewselect/contracts';
import * as Y from 'yjs';
import { createMemoryDatabase } from '../apps/server/src/platform/db.js';
import { applyMigrations } from '../apps/server/src/platform/migrations.js';
import { candidates, interviews } from '../apps/server/src/modules/interviews/interviews.tables.js';
import { createReplayRepo } from '../apps/server/src/modules/replay/replay.repo.js';
import { createReplayService } from '../apps/server/src/modules/replay/replay.service.js';
import { createRoomsRepo, type UpdateRow } from '../apps/server/src/modules/rooms/rooms.repo.js';
import { createOrgWithMembers } from '../apps/server/test/sign-in.js';
import { machineInfo } from './lib/machine-info.js';
import { fmt, print, progress, table, writeResult } from './lib/report.js';
import { ratio, round, summarize } from './lib/stats.js';

/**
 * The player's engine (apps/web/src/pages/replay/replay-engine.ts), loaded at
 * run time: the web app is not part of the tooling TypeScript project.
 */
interface ReplayUpdates {
  offsets: Float64Array;
  updates: Uint8Array[];
}
interface Checkpoints {
  every: number;
  states: Uint8Array[];
}
interface Engine {
  base64ToBytes: (base64: string) => Uint8Array;
  decodeReplayUpdates: (base64: string) => ReplayUpdates;
  countAt: (offsets: Float64Array, offsetMs: number) => number;
  buildCheckpoints: (log: ReplayUpdates, every?: number) => Checkpoints;
  docAtCount: (log: ReplayUpdates, checkpoints: Checkpoints, count: number) => Y.Doc;
  docAtCountNaive: (log: ReplayUpdates, count: number) => Y.Doc;
  readView: (doc: Y.Doc) => { files: Record<string, string>; language: string | null };
  ReplayCursor: new (log: ReplayUpdates, checkpoints: Checkpoints) => { seek(count: number): Y.Doc; destroy(): void };
}
const ENGINE_PATH = '../apps/web/src/pages/replay/replay-engine.ts';
const {
  base64ToBytes,
  buildCheckpoints,
  countAt,
  decodeReplayUpdates,
  docAtCount,
  docAtCountNaive,
  readView,
  ReplayCursor,
} = (await import(ENGINE_PATH)) as Engine;

const NAME = 'replay';
const UPDATES = Number(process.env.BENCH_REPLAY_UPDATES ?? 50_000);
const MINUTES = Number(process.env.BENCH_REPLAY_MINUTES ?? 60);
const SEEKS = Number(process.env.BENCH_REPLAY_SEEKS ?? 500);
const NAIVE_SEEKS = Number(process.env.BENCH_REPLAY_NAIVE_SEEKS ?? 100);
const CHECKPOINT_EVERY = Number(process.env.BENCH_REPLAY_CHECKPOINT_EVERY ?? 500);
const ROUNDS = 5;

/** Seeded PRNG: the same interview every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Two typists on two synced Y.Docs: keystrokes in bursts (15 % backspace,
 * 5 % cursor jumps), a few language switches and chat messages, idle gaps;
 * every local update captured with its time, as the room log stores it.
 */
function scriptInterview(start: Date): UpdateRow[] {
  const rand = random(2026);
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  const rows: UpdateRow[] = [];
  let clock = start.getTime();
  docs.forEach((doc, i) => {
    const other = docs[1 - i] as Y.Doc;
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      Y.applyUpdate(other, update, 'remote');
      rows.push({ seq: rows.length + 1, at: new Date(clock), actor: `typist-${i}`, update });
    });
  });
  const cursors = [0, 0];
  let language = 'python';
  docs[0].getMap(ROOM_KEYS.meta).set('language', language);
  docs[0].getMap<Y.Text>(ROOM_KEYS.files).set(language, new Y.Text());
  const span = MINUTES * 60_000;
  // The mean of the gap mix below is 0.605 × meanGap, so the log spans MINUTES.
  const meanGap = span / UPDATES / 0.605;
  while (rows.length < UPDATES) {
    // Mostly typing (about 4 keys a second, less often a pause of a few seconds or a long idle gap).
    const r = rand();
    clock += r < 0.9 ? meanGap * 0.5 * rand() : r < 0.99 ? meanGap * 4 * rand() : meanGap * 40 * rand();
    const who = rand() < 0.7 ? 0 : 1;
    const doc = docs[who];
    const roll = rand();
    if (roll < 0.0004) {
      language = language === 'python' ? 'javascript' : 'python';
      const files = doc.getMap<Y.Text>(ROOM_KEYS.files);
      doc.transact(() => {
        if (!files.has(language)) files.set(language, new Y.Text());
        doc.getMap(ROOM_KEYS.meta).set('language', language);
      });
      continue;
    }
    if (roll < 0.0008) {
      doc
        .getArray(ROOM_KEYS.chat)
        .push([
          { id: `m${rows.length}`, at: clock, participantId: `typist-${who}`, author: `Typist ${who}`, text: 'ok?' },
        ]);
      continue;
    }
    const text = doc.getMap<Y.Text>(ROOM_KEYS.files).get(language);
    if (!text) continue;
    let cursor = Math.min(cursors[who] as number, text.length);
    if (rand() < 0.05) cursor = Math.floor(rand() * (text.length + 1));
    if (cursor > 0 && rand() < 0.15) {
      text.delete(cursor - 1, 1);
      cursor -= 1;
    } else {
      const ch = rand() < 0.08 ? '\n' : String.fromCharCode(97 + Math.floor(rand() * 26));
      text.insert(cursor, ch);
      cursor += 1;
    }
    cursors[who] = cursor;
  }
  return rows;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

progress('migrating embedded PGlite');
const database = await createMemoryDatabase();
try {
  await applyMigrations(database);
  const { db } = database;
  const org = await createOrgWithMembers(db, {});
  const [candidate] = await db
    .insert(candidates)
    .values({ orgId: org.id, name: 'Bench Candidate', email: 'bench@example.test' })
    .returning();
  const [interview] = await db
    .insert(interviews)
    .values({
      orgId: org.id,
      title: 'Replay bench',
      status: 'ended',
      candidateId: candidate!.id,
      durationMinutes: 60,
      defaultLanguage: 'python',
    })
    .returning();
  const interviewId = interview!.id;

  progress(`scripting a ${MINUTES}-minute interview of ${UPDATES} updates`);
  const rows = scriptInterview(new Date(Date.UTC(2026, 0, 5, 10)));
  const rooms = createRoomsRepo(db);
  const writing = performance.now();
  for (let i = 0; i < rows.length; i += 10_000) {
    await rooms.insertUpdateRows(rows.slice(i, i + 10_000).map((r) => ({ ...r, interviewId, doc: 'room' as const })));
  }
  progress(`wrote the log in ${fmt(performance.now() - writing)} ms`);

  // Server: build the payload (repo read + pack + base64), as GET …/replay does before serialising.
  const service = createReplayService({ repo: createReplayRepo(db) });
  await service.replayLog(interviewId); // warm-up
  const serverMs: number[] = [];
  let payload = await service.replayLog(interviewId);
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    payload = await service.replayLog(interviewId);
    serverMs.push(performance.now() - started);
  }
  const body = JSON.stringify(payload);
  // The alternative encoding: one JSON object per update with its own base64.
  const perUpdateBody = JSON.stringify({
    updates: rows.map((r) => ({ at: r.at.toISOString(), update: Buffer.from(r.update).toString('base64') })),
  });

  // Client: open the player = parse + validate + decode + checkpoints.
  progress('opening the player');
  const openMs: number[] = [];
  const decodeMs: number[] = [];
  const perUpdateDecodeMs: number[] = [];
  const checkpointMs: number[] = [];
  let opened = {
    log: decodeReplayUpdates(payload.updates),
    checkpoints: buildCheckpoints({ offsets: new Float64Array(), updates: [] }),
  };
  for (let i = 0; i < ROUNDS; i++) {
    const decoded = time(() => decodeReplayUpdates(ReplayLogSchema.parse(JSON.parse(body)).updates));
    const built = time(() => buildCheckpoints(decoded.value, CHECKPOINT_EVERY));
    decodeMs.push(decoded.ms);
    checkpointMs.push(built.ms);
    openMs.push(decoded.ms + built.ms);
    opened = { log: decoded.value, checkpoints: built.value };
    perUpdateDecodeMs.push(
      time(() => {
        const parsed = JSON.parse(perUpdateBody) as { updates: { at: string; update: string }[] };
        return parsed.updates.map((u) => ({ at: Date.parse(u.at), update: base64ToBytes(u.update) }));
      }).ms,
    );
  }
  const { log, checkpoints } = opened;
  const end = log.offsets[log.offsets.length - 1] ?? 0;

  // Seeks: random moments, the document rebuilt and the current file read (what the player renders).
  const rand = random(7);
  const render = (doc: Y.Doc) => {
    const view = readView(doc);
    return view.files[view.language ?? ''] ?? '';
  };
  const seekMs: number[] = [];
  const cursor = new ReplayCursor(log, checkpoints);
  for (let i = 0; i < SEEKS; i++) {
    const t = rand() * end;
    seekMs.push(time(() => render(cursor.seek(countAt(log.offsets, t)))).ms);
  }
  cursor.destroy();
  const checkpointOnlyMs: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const t = rand() * end;
    checkpointOnlyMs.push(
      time(() => {
        const doc = docAtCount(log, checkpoints, countAt(log.offsets, t));
        render(doc);
        doc.destroy();
      }).ms,
    );
  }
  progress(`baseline: ${NAIVE_SEEKS} naive seeks`);
  const naiveMs: number[] = [];
  for (let i = 0; i < NAIVE_SEEKS; i++) {
    const t = rand() * end;
    naiveMs.push(
      time(() => {
        const doc = docAtCountNaive(log, countAt(log.offsets, t));
        render(doc);
        doc.destroy();
      }).ms,
    );
  }
  // Correctness spot check: the checkpointed seek equals the naive one.
  for (const t of [0, end / 3, end / 2, end]) {
    const n = countAt(log.offsets, t);
    const a = docAtCount(log, checkpoints, n);
    const b = docAtCountNaive(log, n);
    if (JSON.stringify(readView(a)) !== JSON.stringify(readView(b))) throw new Error(`seek mismatch at ${t}`);
  }

  const seek = summarize(seekMs);
  const fresh = summarize(checkpointOnlyMs);
  const naive = summarize(naiveMs);
  const server = summarize(serverMs);
  const open = summarize(openMs);
  const finalText = render(docAtCountNaive(log, log.updates.length));
  const bytes = Buffer.byteLength(body);
  const perUpdateBytes = Buffer.byteLength(perUpdateBody);

  print(
    table(
      [{ header: 'measure' }, { header: 'value', align: 'right' }, { header: 'unit' }],
      [
        ['updates in the log', log.updates.length, ''],
        ['interview length', fmt(end / 60_000, 1), 'min'],
        ['final file size', finalText.length, 'chars'],
        ['server: build payload (median)', fmt(server.median, 1), 'ms'],
        ['payload (packed, base64 JSON)', fmt(bytes / 1024), 'KiB'],
        ['payload gzip', fmt(gzipSync(body).length / 1024), 'KiB'],
        ['payload per-update JSON (alternative)', fmt(perUpdateBytes / 1024), 'KiB'],
        ['decode packed (median)', fmt(summarize(decodeMs).median, 1), 'ms'],
        ['decode per-update JSON (median)', fmt(summarize(perUpdateDecodeMs).median, 1), 'ms'],
        [`checkpoints every ${CHECKPOINT_EVERY} (median)`, fmt(summarize(checkpointMs).median, 1), 'ms'],
        ['open the player = decode + checkpoints (median)', fmt(open.median, 1), 'ms'],
        [`seek, player cursor p50 (${SEEKS})`, fmt(seek.median, 2), 'ms'],
        [`seek, player cursor p99 (${SEEKS})`, fmt(seek.p99, 2), 'ms'],
        [`seek, fresh from checkpoint p50 (${SEEKS})`, fmt(fresh.median, 2), 'ms'],
        [`seek, fresh from checkpoint p99 (${SEEKS})`, fmt(fresh.p99, 2), 'ms'],
        [`baseline naive seek p50 (${NAIVE_SEEKS})`, fmt(naive.median, 2), 'ms'],
        [`baseline naive seek p99 (${NAIVE_SEEKS})`, fmt(naive.p99, 2), 'ms'],
        ['naive / checkpoint p99', fmt(ratio(naive.p99, fresh.p99), 1), '×'],
        ['target p99 seek < 100 ms', seek.p99 < 100 && fresh.p99 < 100 ? 'met' : 'MISSED', ''],
      ],
    ),
  );
  const file = writeResult(NAME, {
    name: NAME,
    at: new Date().toISOString(),
    machine: machineInfo(),
    settings: {
      updates: UPDATES,
      minutes: MINUTES,
      seeks: SEEKS,
      naiveSeeks: NAIVE_SEEKS,
      checkpointEvery: CHECKPOINT_EVERY,
      rounds: ROUNDS,
    },
    results: {
      updates: log.updates.length,
      minutes: round(end / 60_000, 1),
      serverMs: server,
      payloadBytes: bytes,
      payloadGzipBytes: gzipSync(body).length,
      perUpdateJsonBytes: perUpdateBytes,
      decodeMs: summarize(decodeMs),
      perUpdateJsonDecodeMs: summarize(perUpdateDecodeMs),
      checkpointMs: summarize(checkpointMs),
      openMs: open,
      seekCursorMs: seek,
      seekFreshMs: fresh,
      baselineNaiveSeekMs: naive,
      naiveOverCheckpointP99: round(ratio(naive.p99, fresh.p99) ?? Number.NaN, 1),
    },
  });
  print(`wrote ${file}`);
} finally {
  await database.close();
}
