import {
  ChatMessageSchema,
  ConsoleEntrySchema,
  ROOM_KEYS,
  unpackReplayUpdates,
  type ChatMessage,
  type ConsoleEntry,
} from '@interviewselect/contracts';
import * as Y from 'yjs';
import type { z } from 'zod';

/**
 * The replay engine, pure (no React, no DOM): the public document's log held
 * in memory, checkpoints of the document every `every` updates, and seeking
 * = the nearest earlier checkpoint + the updates after it up to the moment.
 */

export interface ReplayUpdates {
  /** Milliseconds since the first update, non-decreasing. */
  offsets: Float64Array;
  updates: Uint8Array[];
}

/** Base64 to bytes (the browser's atob; Node has it too). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function decodeReplayUpdates(base64: string): ReplayUpdates {
  return unpackReplayUpdates(base64ToBytes(base64));
}

/** How many updates happened at or before `offsetMs` (binary search). */
export function countAt(offsets: Float64Array, offsetMs: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((offsets[mid] as number) <= offsetMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Checkpoints {
  every: number;
  /** states[k]: the document after the first k × every updates (states[0] is empty). */
  states: Uint8Array[];
}

/** Replays the log once, keeping the state every `every` updates. */
export function buildCheckpoints(log: ReplayUpdates, every = 500): Checkpoints {
  const doc = new Y.Doc();
  const states: Uint8Array[] = [Y.encodeStateAsUpdate(doc)];
  try {
    for (let from = 0; from + every <= log.updates.length; from += every) {
      applyRange(doc, log, from, from + every);
      states.push(Y.encodeStateAsUpdate(doc));
    }
  } finally {
    doc.destroy();
  }
  return { every, states };
}

/** A fresh document holding the first `count` updates: the nearest checkpoint plus the rest. */
export function docAtCount(log: ReplayUpdates, checkpoints: Checkpoints, count: number): Y.Doc {
  const n = Math.max(0, Math.min(count, log.updates.length));
  const k = Math.min(Math.floor(n / checkpoints.every), checkpoints.states.length - 1);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, checkpoints.states[k] as Uint8Array);
  applyRange(doc, log, k * checkpoints.every, n);
  return doc;
}

/** The naive way (the benchmark's baseline and the tests' reference): every update from the start. */
export function docAtCountNaive(log: ReplayUpdates, count: number): Y.Doc {
  const doc = new Y.Doc();
  applyRange(doc, log, 0, Math.min(count, log.updates.length));
  return doc;
}

function applyRange(doc: Y.Doc, log: ReplayUpdates, from: number, to: number): void {
  doc.transact(() => {
    for (let i = from; i < to; i++) Y.applyUpdate(doc, log.updates[i] as Uint8Array);
  });
}

/**
 * The player's document: moves to any count, forwards by applying the updates
 * in between when that is cheaper than a checkpoint, else from a checkpoint.
 */
export class ReplayCursor {
  private doc: Y.Doc;
  private current = 0;

  constructor(
    private readonly log: ReplayUpdates,
    private readonly checkpoints: Checkpoints,
  ) {
    this.doc = new Y.Doc();
  }

  get count(): number {
    return this.current;
  }

  seek(count: number): Y.Doc {
    const n = Math.max(0, Math.min(count, this.log.updates.length));
    if (n === this.current) return this.doc;
    if (n > this.current && n - this.current <= this.checkpoints.every) {
      applyRange(this.doc, this.log, this.current, n);
    } else {
      this.doc.destroy();
      this.doc = docAtCount(this.log, this.checkpoints, n);
    }
    this.current = n;
    return this.doc;
  }

  destroy(): void {
    this.doc.destroy();
  }
}

export interface ReplayView {
  files: Record<string, string>;
  language: string | null;
  chat: ChatMessage[];
  console: ConsoleEntry[];
}

/** What the player shows of a document. */
export function readView(doc: Y.Doc): ReplayView {
  const files: Record<string, string> = {};
  for (const [language, text] of doc.getMap<unknown>(ROOM_KEYS.files)) {
    if (text instanceof Y.Text) files[language] = text.toJSON();
  }
  const language = doc.getMap(ROOM_KEYS.meta).get('language');
  return {
    files,
    language: typeof language === 'string' ? language : null,
    chat: parseAll(ChatMessageSchema, doc.getArray(ROOM_KEYS.chat).toArray()),
    console: parseAll(ConsoleEntrySchema, doc.getArray(ROOM_KEYS.console).toArray()),
  };
}

function parseAll<T>(schema: z.ZodType<T>, items: unknown[]): T[] {
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
