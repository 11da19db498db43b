import { LanguageIdSchema, type LanguageId, type RoomInfo } from '@interviewselect/contracts';
import * as Y from 'yjs';
import { readTimer, type TimerState } from './room-timer';

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

export function readTimerMap(timer: Y.Map<unknown>): TimerState | null {
  return readTimer(timer.toJSON());
}

/**
 * The shared timer, or — when no interviewer's browser has written it (the
 * interview was started through the API) — one derived from the server's
 * start time and the planned duration.
 */
export function effectiveTimer(
  shared: TimerState | null,
  info: Pick<RoomInfo, 'startedAt' | 'durationMinutes'>,
): TimerState | null {
  if (shared) return shared;
  if (!info.startedAt) return null;
  return {
    startedAt: Date.parse(info.startedAt),
    durationMs: info.durationMinutes * 60_000,
    pausedAt: null,
    pausedTotalMs: 0,
  };
}
