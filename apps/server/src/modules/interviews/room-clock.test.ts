import { describe, expect, it } from 'vitest';
import { roomClock } from './room-clock.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');
const MIN = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MIN);
const HOUR = 60 * MIN;

describe('roomClock', () => {
  it('is not started before the interview goes live', () => {
    const clock = roomClock(
      [
        { toStatus: 'draft', at: at(-60) },
        { toStatus: 'scheduled', at: at(-50) },
      ],
      HOUR,
      at(0),
    );
    expect(clock).toEqual({ startedAt: null, pausedAt: null, pausedTotalMs: 0, durationMs: HOUR, serverNow: T0 });
  });

  it('starts, pauses, resumes and freezes at the end, all in server time', () => {
    const transitions = [
      { toStatus: 'draft', at: at(-60) },
      { toStatus: 'scheduled', at: at(-50) },
      { toStatus: 'live', at: at(0) },
      { toStatus: 'paused', at: at(10) },
      { toStatus: 'live', at: at(15) },
      { toStatus: 'paused', at: at(20) },
    ] as const;
    expect(roomClock(transitions, HOUR, at(25))).toMatchObject({
      startedAt: T0,
      pausedAt: T0 + 20 * MIN,
      pausedTotalMs: 5 * MIN,
    });
    const resumed = [...transitions, { toStatus: 'live', at: at(30) } as const];
    expect(roomClock(resumed, HOUR, at(31))).toMatchObject({ pausedAt: null, pausedTotalMs: 15 * MIN });
    const ended = [...resumed, { toStatus: 'ended', at: at(50) } as const];
    expect(roomClock(ended, HOUR, at(90))).toMatchObject({
      startedAt: T0,
      pausedAt: T0 + 50 * MIN,
      pausedTotalMs: 15 * MIN,
    });
  });

  it('ending while paused keeps the pause as the moment the clock stopped', () => {
    const clock = roomClock(
      [
        { toStatus: 'live', at: at(0) },
        { toStatus: 'paused', at: at(40) },
        { toStatus: 'ended', at: at(45) },
      ],
      HOUR,
      at(60),
    );
    expect(clock).toMatchObject({ pausedAt: T0 + 40 * MIN, pausedTotalMs: 0 });
  });
});
