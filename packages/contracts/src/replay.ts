import { z } from 'zod';
import { TimelineEventSchema } from './room.js';

/**
 * GET /api/v1/interviews/:id/replay — everything the replay player needs, in
 * one response: the public document's edit log (every Yjs update in order,
 * with its server time) and the room's timeline events for the markers.
 *
 * `updates` is base64 of a packed, length-prefixed byte string (one JSON
 * string instead of 50,000 small objects: see bench/replay.bench.ts):
 *
 *   repeated { u32 LE  milliseconds since `startedAt`,
 *              u32 LE  length n,
 *              n bytes the Yjs update }
 *
 * The private document (interviewer notes) is never part of it; `notes` are
 * only the minutes in which the notes were edited, for the organisation.
 */
export const ReplayLogSchema = z.object({
  interviewId: z.uuid(),
  /** Server time of the first update (null: nothing was ever typed). */
  startedAt: z.iso.datetime().nullable(),
  /** Server time of the last update or event. */
  endedAt: z.iso.datetime().nullable(),
  /** Number of updates in `updates`. */
  count: z.number().int().nonnegative(),
  updates: z.string(),
  /** Joins, leaves, language switches, chat, runs, signals and status changes, oldest first. */
  events: z.array(TimelineEventSchema),
  /** When the interviewers' private notes were edited (first edit of each minute), without content. */
  notes: z.array(z.iso.datetime()),
});
export type ReplayLog = z.infer<typeof ReplayLogSchema>;

export interface PackedUpdate {
  /** Milliseconds since the log's `startedAt`. */
  offsetMs: number;
  update: Uint8Array;
}

/** Packs updates in the length-prefixed layout of ReplayLog.updates (before base64). */
export function packReplayUpdates(updates: readonly PackedUpdate[]): Uint8Array {
  let size = 0;
  for (const u of updates) size += 8 + u.update.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let pos = 0;
  for (const u of updates) {
    view.setUint32(pos, Math.max(0, Math.round(u.offsetMs)), true);
    view.setUint32(pos + 4, u.update.length, true);
    out.set(u.update, pos + 8);
    pos += 8 + u.update.length;
  }
  return out;
}

/** The inverse of packReplayUpdates; the updates are views into `bytes` (no copies). */
export function unpackReplayUpdates(bytes: Uint8Array): { offsets: Float64Array; updates: Uint8Array[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const updates: Uint8Array[] = [];
  const offsets: number[] = [];
  let pos = 0;
  while (pos + 8 <= bytes.length) {
    const offset = view.getUint32(pos, true);
    const length = view.getUint32(pos + 4, true);
    if (pos + 8 + length > bytes.length) throw new RangeError('Truncated replay log');
    offsets.push(offset);
    updates.push(bytes.subarray(pos + 8, pos + 8 + length));
    pos += 8 + length;
  }
  if (pos !== bytes.length) throw new RangeError('Truncated replay log');
  return { offsets: Float64Array.from(offsets), updates };
}
