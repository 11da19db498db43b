import { describe, expect, it } from 'vitest';
import { availableIntervals, type InterviewerCalendar } from './interviewer-calendar.js';
import { findSlots } from './slot-finder.js';
import { naiveSlots } from './slot-finder-naive.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function calendar(overrides: Partial<InterviewerCalendar> = {}): InterviewerCalendar {
  return {
    userId: 'u',
    timeZone: 'UTC',
    weekly: WEEKDAYS.map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 })),
    exceptions: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    maxPerDay: null,
    busy: [],
    ...overrides,
  };
}

function booking(startIso: string, minutes: number, before = 0, after = 0) {
  const start = at(startIso);
  return { start, blockedFrom: start - before * 60_000, blockedUntil: start + (minutes + after) * 60_000 };
}

const spans = (list: { start: number; end: number }[]) => list.map((i) => `${iso(i.start)}/${iso(i.end)}`);

describe('findSlots', () => {
  const now = at('2026-01-01T00:00:00Z');

  it('lists the starts on the grid that fit in the common availability', () => {
    const slots = findSlots({
      panel: [calendar(), calendar({ weekly: [{ weekday: 1, startMinute: 15 * 60, endMinute: 18 * 60 }] })],
      durationMinutes: 60,
      from: at('2026-01-05T00:00:00Z'),
      to: at('2026-01-06T00:00:00Z'),
      now,
      stepMinutes: 30,
    });
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-01-05T15:00:00.000Z',
      '2026-01-05T15:30:00.000Z',
      '2026-01-05T16:00:00.000Z',
    ]);
    expect(slots[0]?.end).toBe(at('2026-01-05T16:00:00Z'));
  });

  it('keeps each interviewer’s buffers clear of their existing bookings', () => {
    const busy = [booking('2026-01-05T12:00:00Z', 60, 15, 30)];
    const slots = findSlots({
      panel: [calendar({ busy, bufferBeforeMinutes: 15, bufferAfterMinutes: 30 })],
      durationMinutes: 60,
      from: at('2026-01-05T09:00:00Z'),
      to: at('2026-01-05T17:00:00Z'),
      now,
      stepMinutes: 15,
    });
    const starts = slots.map((s) => iso(s.start).slice(11, 16));
    // Booking blocks 11:45–13:30; a new one blocks [s − 15, s + 60 + 30).
    expect(starts).toContain('10:15');
    expect(starts).not.toContain('10:30');
    expect(starts).not.toContain('13:30');
    expect(starts).toContain('13:45');
  });

  it('respects minimum notice and the daily maximum in the interviewer’s zone', () => {
    const busy = [booking('2026-01-06T09:00:00Z', 60), booking('2026-01-06T10:00:00Z', 60)];
    const slots = findSlots({
      panel: [calendar({ busy, maxPerDay: 2, minimumNoticeMinutes: 24 * 60 })],
      durationMinutes: 60,
      from: at('2026-01-05T00:00:00Z'),
      to: at('2026-01-08T00:00:00Z'),
      now: at('2026-01-05T12:00:00Z'),
      stepMinutes: 60,
    });
    const days = new Set(slots.map((s) => iso(s.start).slice(0, 10)));
    expect([...days]).toEqual(['2026-01-07']);
    expect(slots.length).toBe(8);
  });

  it('applies day-off, blocked-hours and extra-hours exceptions', () => {
    const cal = calendar({
      exceptions: [
        { date: '2026-01-05', kind: 'unavailable', range: null },
        { date: '2026-01-06', kind: 'unavailable', range: { startMinute: 12 * 60, endMinute: 17 * 60 } },
        { date: '2026-01-06', kind: 'available', range: { startMinute: 19 * 60, endMinute: 20 * 60 } },
      ],
    });
    const free = availableIntervals(cal, at('2026-01-05T00:00:00Z'), at('2026-01-07T00:00:00Z'));
    expect(spans(free)).toEqual([
      '2026-01-06T09:00:00.000Z/2026-01-06T12:00:00.000Z',
      '2026-01-06T19:00:00.000Z/2026-01-06T20:00:00.000Z',
    ]);
  });

  it('stops at the limit', () => {
    const slots = findSlots({
      panel: [calendar()],
      durationMinutes: 30,
      from: at('2026-01-05T00:00:00Z'),
      to: at('2026-01-10T00:00:00Z'),
      now,
      limit: 3,
    });
    expect(slots).toHaveLength(3);
  });

  it('agrees with the naive reference on random panels', () => {
    // mulberry32: a small deterministic generator, so a failure reproduces.
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    let total = 0;
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'];
    for (let round = 0; round < 25; round++) {
      const from = at('2026-03-01T00:00:00Z') + rand(40) * 86_400_000;
      const panel = Array.from({ length: 1 + rand(3) }, (_, k) => {
        const busy = Array.from({ length: rand(15) }, () =>
          booking(iso(from + rand(10 * 96) * 15 * 60_000), 30 + 15 * rand(6), 5 * rand(4), 5 * rand(4)),
        );
        return calendar({
          userId: `u${k}`,
          timeZone: zones[rand(zones.length)] ?? 'UTC',
          weekly: WEEKDAYS.filter(() => rand(4) > 0).map((weekday) => {
            const startMinute = 30 * rand(30);
            return { weekday, startMinute, endMinute: Math.min(1440, startMinute + 60 + 30 * rand(20)) };
          }),
          bufferBeforeMinutes: 5 * rand(4),
          bufferAfterMinutes: 5 * rand(4),
          minimumNoticeMinutes: 60 * rand(48),
          maxPerDay: rand(3) === 0 ? null : 1 + rand(3),
          busy,
        });
      });
      const q = {
        panel,
        durationMinutes: 30 + 15 * rand(4),
        from,
        to: from + 10 * 86_400_000,
        now: from,
        stepMinutes: 15,
      };
      const fast = findSlots(q);
      total += fast.length;
      expect(spans(fast)).toEqual(spans(naiveSlots(q)));
    }
    // The random panels must leave something to compare.
    expect(total).toBeGreaterThan(100);
  });
});
