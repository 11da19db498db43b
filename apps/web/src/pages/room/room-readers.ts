import { LanguageIdSchema, type LanguageId, type RoomClock } from '@interviewselect/contracts';
import * as Y from 'yjs';
import type { TimerState } from './room-timer';

/** Module-level readers for useYValue (stable functions, see use-y.ts). */
export interface RoomMeta {
  language: LanguageId | null;
  questionId: string | null;
}

export function readMeta(meta: Y.Map<unknown>): RoomMeta {
  const language = LanguageIdSchema.safeParse(meta.get('language'));
  const questionId = meta.get('questionId');
  return {
    language: language.success ? language.data : null,
    questionId: typeof questionId === 'string' ? questionId : null,
  };
}

/** The buffers by language (the map itself changes only when a buffer is added or replaced). */
export function readBuffers(files: Y.Map<unknown>): ReadonlyMap<string, Y.Text> {
  const result = new Map<string, Y.Text>();
  files.forEach((value, key) => {
    if (value instanceof Y.Text) result.set(key, value);
  });
  return result;
}

/**
 * The server's countdown in this browser's time: its instants shifted by the
 * offset between the two clocks (server − browser), so a browser whose clock
 * is off still shows the time everyone else sees.
 */
export function localTimer(clock: RoomClock, offsetMs: number): TimerState | null {
  if (clock.startedAt === null) return null;
  return {
    startedAt: clock.startedAt - offsetMs,
    durationMs: clock.durationMs,
    pausedAt: clock.pausedAt === null ? null : clock.pausedAt - offsetMs,
    pausedTotalMs: clock.pausedTotalMs,
  };
}
