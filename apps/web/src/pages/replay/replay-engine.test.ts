import { packReplayUpdates, ROOM_KEYS } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  buildCheckpoints,
  countAt,
  decodeReplayUpdates,
  docAtCount,
  docAtCountNaive,
  readView,
  ReplayCursor,
  type ReplayUpdates,
} from './replay-engine';

/** The document's shared types as JSON (Y.Doc#toJSON depends on which types were read). */
/** Map keys sorted: a Y.Map's iteration order depends on the (random) client ids, not on the content. */
const sortedKeys = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

function canonical(doc: Y.Doc): string {
  return JSON.stringify({
    files: sortedKeys(doc.getMap(ROOM_KEYS.files).toJSON()),
    meta: sortedKeys(doc.getMap(ROOM_KEYS.meta).toJSON()),
    chat: doc.getArray(ROOM_KEYS.chat).toJSON(),
  });
}

/** A seeded PRNG so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Two typists editing two files, a language switch and chat; every update captured with a time. */
function scriptedLog(n: number, seed = 7): { log: ReplayUpdates; texts: string[] } {
  const rand = random(seed);
  const a = new Y.Doc();
  const b = new Y.Doc();
  const captured: { offsetMs: number; update: Uint8Array }[] = [];
  const texts: string[] = [];
  let clock = 0;
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      Y.applyUpdate(to, update, 'remote');
      captured.push({ offsetMs: clock, update });
      texts.push(canonical(a));
    });
  }
  for (let i = 0; i < n; i++) {
    clock += Math.floor(rand() * 400);
    const doc = rand() < 0.5 ? a : b;
    const lang = rand() < 0.8 ? 'python' : 'javascript';
    const files = doc.getMap<Y.Text>(ROOM_KEYS.files);
    const text = files.get(lang);
    if (!text) {
      files.set(lang, new Y.Text());
      continue;
    }
    if (rand() < 0.02) doc.getMap(ROOM_KEYS.meta).set('language', lang);
    else if (rand() < 0.01)
      doc.getArray(ROOM_KEYS.chat).push([{ id: `m${i}`, at: clock, participantId: 'p', author: 'A', text: `hi ${i}` }]);
    else if (text.length > 0 && rand() < 0.15) text.delete(Math.floor(rand() * text.length), 1);
    else text.insert(Math.floor(rand() * (text.length + 1)), String.fromCharCode(97 + Math.floor(rand() * 26)));
  }
  const packed = packReplayUpdates(captured);
  let binary = '';
  for (const byte of packed) binary += String.fromCharCode(byte);
  return { log: decodeReplayUpdates(btoa(binary)), texts };
}

describe('replay engine', () => {
  const { log, texts } = scriptedLog(3000);
  const checkpoints = buildCheckpoints(log, 100);

  it('decodes the packed log it was given', () => {
    expect(log.updates.length).toBe(texts.length);
    expect(checkpoints.states.length).toBe(Math.floor(log.updates.length / 100) + 1);
    const doc = docAtCountNaive(log, log.updates.length);
    expect(canonical(doc)).toBe(texts.at(-1));
  });

  it('seeks through checkpoints to exactly the document of applying every update up to t', () => {
    const rand = random(42);
    const end = log.offsets[log.offsets.length - 1] as number;
    for (let i = 0; i < 60; i++) {
      const t = Math.floor(rand() * (end + 1000)) - 500;
      const count = countAt(log.offsets, t);
      const fast = docAtCount(log, checkpoints, count);
      const naive = docAtCountNaive(log, count);
      expect(canonical(fast)).toBe(canonical(naive));
      expect(readView(fast)).toEqual(readView(naive));
      if (count > 0) expect(canonical(fast)).toBe(texts[count - 1]);
      fast.destroy();
      naive.destroy();
    }
  });

  it('moves a cursor forwards and backwards to the same documents', () => {
    const rand = random(9);
    const cursor = new ReplayCursor(log, checkpoints);
    const counts = [0, 1, 50, 51, 250, 120, 3000, 2999, 0, log.updates.length];
    for (let i = 0; i < 40; i++) counts.push(Math.floor(rand() * (log.updates.length + 1)));
    for (const count of counts) {
      const doc = cursor.seek(count);
      const naive = docAtCountNaive(log, count);
      expect(canonical(doc)).toBe(canonical(naive));
      naive.destroy();
    }
    cursor.destroy();
  });

  it('counts the updates at or before a moment', () => {
    const offsets = Float64Array.from([0, 10, 10, 20]);
    expect([-1, 0, 9, 10, 19, 20, 99].map((t) => countAt(offsets, t))).toEqual([0, 1, 1, 3, 3, 4, 4]);
  });
});
