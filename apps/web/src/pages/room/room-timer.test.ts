import { describe, expect, it } from 'vitest';
import { localTimer } from './room-readers';
import { describeRemaining, elapsedMs, formatClock, remainingMs } from './room-timer';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

describe('room timer', () => {
  it('is absent until started; a skewed browser clock shows the server’s time', () => {
    const clock = { startedAt: null, pausedAt: null, pausedTotalMs: 0, durationMs: 60 * MIN, serverNow: T0 };
    expect(localTimer(clock, 0)).toBeNull();
    // The browser's clock is 3 minutes behind the server's (offset = server − browser = +3 min).
    const started = { ...clock, startedAt: T0, serverNow: T0 + 10 * MIN };
    const timer = localTimer(started, 3 * MIN);
    expect(timer).toEqual({ startedAt: T0 - 3 * MIN, durationMs: 60 * MIN, pausedAt: null, pausedTotalMs: 0 });
    // Ten minutes after the start on the server is seven on the browser's clock: 50 minutes left for both.
    expect(remainingMs(timer!, T0 + 7 * MIN)).toBe(50 * MIN);
  });

  it('counts down from the duration while running', () => {
    const timer = { startedAt: T0, durationMs: 45 * MIN, pausedAt: null, pausedTotalMs: 0 };
    expect(remainingMs(timer, T0)).toBe(45 * MIN);
    expect(remainingMs(timer, T0 + 10 * MIN)).toBe(35 * MIN);
  });

  it('stands still while paused and leaves paused time out afterwards', () => {
    const paused = { startedAt: T0, durationMs: 45 * MIN, pausedAt: T0 + 10 * MIN, pausedTotalMs: 0 };
    expect(remainingMs(paused, T0 + 20 * MIN)).toBe(35 * MIN);
    expect(remainingMs(paused, T0 + 30 * MIN)).toBe(35 * MIN);
    const resumed = { ...paused, pausedAt: null, pausedTotalMs: 20 * MIN };
    expect(remainingMs(resumed, T0 + 35 * MIN)).toBe(30 * MIN);
  });

  it('goes negative after the planned end', () => {
    const timer = { startedAt: T0, durationMs: 5 * MIN, pausedAt: null, pausedTotalMs: 0 };
    expect(remainingMs(timer, T0 + 7 * MIN)).toBe(-2 * MIN);
    expect(elapsedMs(timer, T0 - 1000)).toBe(0);
  });

  it('formats the clock, rounding up and marking overtime', () => {
    expect(formatClock(45 * MIN)).toBe('45:00');
    expect(formatClock(59_001)).toBe('01:00');
    expect(formatClock(500)).toBe('00:01');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(65 * MIN + 9_000)).toBe('1:05:09');
    expect(formatClock(-130_000)).toBe('+02:10');
    expect(describeRemaining(12 * MIN)).toBe('12 minutes left');
    expect(describeRemaining(-MIN)).toBe('1 minute over');
  });
});
