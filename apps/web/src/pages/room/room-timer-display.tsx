import { useEffect, useState } from 'react';
import { describeRemaining, formatClock, remainingMs, type TimerState } from './room-timer';

function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [isTicking]);
  return now;
}

/**
 * The shared countdown. Screen readers get the minutes left as the timer's
 * label (it changes once a minute), not a second-by-second announcement.
 */
export function RoomTimerDisplay({ timer, plannedMs }: { timer: TimerState | null; plannedMs: number }) {
  const isTicking = timer !== null && timer.pausedAt === null;
  const now = useNow(isTicking);
  if (!timer) {
    return (
      <span
        className="room-timer room-timer--idle"
        role="timer"
        aria-label={`Timer not started, ${formatClock(plannedMs)} planned`}
      >
        <span aria-hidden="true">{formatClock(plannedMs)}</span>
      </span>
    );
  }
  const remaining = remainingMs(timer, now);
  const isOver = remaining < 0;
  const isLow = !isOver && remaining <= 5 * 60_000;
  const state = timer.pausedAt !== null ? ', paused' : '';
  return (
    <span
      className={`room-timer${isOver ? ' room-timer--over' : isLow ? ' room-timer--low' : ''}${timer.pausedAt !== null ? ' room-timer--paused' : ''}`}
      role="timer"
      aria-label={`${describeRemaining(remaining)}${state}`}
    >
      <span aria-hidden="true">{formatClock(remaining)}</span>
      {isOver ? (
        <span className="room-timer__note" aria-hidden="true">
          over
        </span>
      ) : null}
    </span>
  );
}
