/**
 * The shared countdown, in this browser's time (see localTimer: the server's
 * RoomInfo.clock shifted by the clock offset), so everyone computes the same
 * remaining time: remaining = duration − (now − startedAt − pausedTotal − current pause).
 */
export interface TimerState {
  startedAt: number;
  durationMs: number;
  /** When the current pause began (null while running). */
  pausedAt: number | null;
  pausedTotalMs: number;
}

export function elapsedMs(timer: TimerState, now: number): number {
  const end = timer.pausedAt ?? now;
  return Math.max(0, end - timer.startedAt - timer.pausedTotalMs);
}

/** Negative once the interview runs over its planned duration. */
export function remainingMs(timer: TimerState, now: number): number {
  return timer.durationMs - elapsedMs(timer, now);
}

/** "45:00", "1:05:09"; overtime reads "+02:10". Rounded up, so the clock shows 00:00 only at the end. */
export function formatClock(ms: number): string {
  const isOver = ms < 0;
  const total = isOver ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  const clock = hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
  return isOver ? `+${clock}` : clock;
}

/** "12 minutes left", "1 minute over": what a screen reader hears (not every second). */
export function describeRemaining(ms: number): string {
  const minutes = Math.ceil(Math.abs(ms) / 60_000);
  const unit = minutes === 1 ? 'minute' : 'minutes';
  return ms < 0 ? `${minutes} ${unit} over` : `${minutes} ${unit} left`;
}
