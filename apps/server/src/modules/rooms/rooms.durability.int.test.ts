import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOM_KEYS, roomDocumentName } from '@interviewselect/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../../../test/eventually.js';
import { RawRoomClient, type RawDoc } from '../../../test/raw-room-client.js';
import type { RoomFixture } from '../../../test/room-fixtures.js';

const CHILD = path.resolve(import.meta.dirname, '../../../test/room-server-child.ts');
/** Children still running when the worker exits (a failed or timed-out test) are killed too. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Runs the child script and resolves with the first JSON line it prints. */
function runChild(mode: 'seed' | 'serve', dataDir: string): Promise<{ child: ChildProcess; line: unknown }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dataDir], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve({ child, line: JSON.parse(out.slice(0, newline)) });
    });
    child.once('exit', (code) => reject(new Error(`child ${mode} exited with ${code} before answering:\n${err}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('room durability across a server crash', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'isel-room-crash-'));
  const pgDir = path.join(dataDir, 'pglite');
  const children: ChildProcess[] = [];

  afterAll(async () => {
    await Promise.all(children.map(killed));
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function serve(): Promise<string> {
    const { child, line } = await runChild('serve', pgDir);
    children.push(child);
    return `http://127.0.0.1:${(line as { port: number }).port}`;
  }

  const code = (d: RawDoc) => d.doc.getMap<Y.Text>(ROOM_KEYS.files).get('python')?.toJSON() ?? '';

  it('keeps every acknowledged update after kill -9, and a reconnecting client merges its offline edits', async () => {
    const seeded = await runChild('seed', pgDir);
    const room = seeded.line as RoomFixture;
    const name = roomDocumentName(room.interviewId);
    const first = await serve();

    const socket = await RawRoomClient.connect(first, { cookie: room.interviewer.cookie });
    const writer = socket.open(name);
    await eventually(() => expect(writer.synced).toBe(true));
    const text = new Y.Text();
    writer.doc.getMap<Y.Text>(ROOM_KEYS.files).set('python', text);
    // Keystrokes, one update each; kill the server while some are still in flight.
    const typed = 'abcdefghijklmnopqrstuvwxyz0123456789';
    for (const ch of typed) text.insert(text.length, ch);
    await eventually(() => expect(writer.acks.filter(Boolean).length).toBeGreaterThanOrEqual(10));
    const acknowledged = writer.acks.filter(Boolean).length;
    await killed(children[0]!);
    // Acks arrive in order; the first (1 + keystrokes) updates were the map entry and the first characters.
    const mustHave = typed.slice(0, Math.max(0, acknowledged - 2));

    const second = await serve();
    const reader = await RawRoomClient.connect(second, { cookie: room.candidate.cookie });
    const fresh = reader.open(name);
    await eventually(() => expect(fresh.synced).toBe(true), { timeoutMs: 15_000 });
    expect(code(fresh).startsWith(mustHave)).toBe(true);

    // The writer "reconnects" with its document (edits made while offline included): everything merges.
    text.insert(text.length, '!');
    const again = await RawRoomClient.connect(second, { cookie: room.interviewer.cookie });
    const rejoined = again.open(name);
    Y.applyUpdate(rejoined.doc, Y.encodeStateAsUpdate(writer.doc));
    await eventually(() => expect(code(fresh)).toBe(`${typed}!`), { timeoutMs: 15_000 });
    await eventually(() => expect(rejoined.unacked).toBe(0));
    for (const c of [socket, reader, again]) c.close();
  }, 180_000);
});
