import type { InterviewStatus, RoomClock } from '@interviewselect/contracts';

/**
 * The room's shared countdown, from the stored lifecycle transitions (server
 * time): started by the first move to live, stopped by each pause and by the
 * end, resumed by each move from paused back to live. Every browser computes
 * remaining = duration − (serverNow − startedAt − pausedTotal − current pause)
 * with its offset to `serverNow`, so a skewed local clock shows the same time.
 */
export function roomClock(
  transitions: readonly { toStatus: InterviewStatus; at: Date }[],
  durationMs: number,
  now: Date,
): RoomClock {
  let startedAt: number | null = null;
  let pausedAt: number | null = null;
  let pausedTotalMs = 0;
  for (const t of transitions) {
    const at = t.at.getTime();
    if (t.toStatus === 'live' && startedAt === null) startedAt = at;
    else if (t.toStatus === 'live' && pausedAt !== null) {
      pausedTotalMs += Math.max(0, at - pausedAt);
      pausedAt = null;
    } else if ((t.toStatus === 'paused' || t.toStatus === 'ended') && startedAt !== null && pausedAt === null)
      pausedAt = at;
  }
  return { startedAt, pausedAt, pausedTotalMs, durationMs, serverNow: now.getTime() };
}
