import { describe, expect, it } from 'vitest';
import { availableIntervals, type InterviewerCalendar } from './interviewer-calendar.js';
import { findSlots } from './slot-finder.js';

/**
 * Around DST changes in 2026: Europe/Berlin springs forward on 29 March and
 * falls back on 25 October; America/New_York on 8 March and 1 November;
 * Asia/Kolkata has no DST.
 */
const at = (iso: string) => Date.parse(iso);
const spans = (list: { start: number; end: number }[]) =>
  list.map((i) => `${new Date(i.start).toISOString().slice(0, 16)}/${new Date(i.end).toISOString().slice(0, 16)}`);

function inZone(timeZone: string, weekly: InterviewerCalendar['weekly']): InterviewerCalendar {
  return {
    userId: timeZone,
    timeZone,
    weekly,
    exceptions: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    maxPerDay: null,
    busy: [],
  };
}

const allWeek = (startMinute: number, endMinute: number) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute, endMinute }));
const day = (date: string) => [at(`${date}T00:00:00Z`) - 86_400_000, at(`${date}T00:00:00Z`) + 2 * 86_400_000] as const;

describe('availability across DST changes', () => {
  it('Europe/Berlin spring-forward: 01:00–04:00 local is two real hours', () => {
    const free = availableIntervals(
      inZone('Europe/Berlin', [{ weekday: 7, startMinute: 60, endMinute: 240 }]),
      ...day('2026-03-29'),
    );
    expect(spans(free)).toEqual(['2026-03-29T00:00/2026-03-29T02:00']);
  });

  it('Europe/Berlin fall-back: 01:00–04:00 local is four real hours', () => {
    const free = availableIntervals(
      inZone('Europe/Berlin', [{ weekday: 7, startMinute: 60, endMinute: 240 }]),
      ...day('2026-10-25'),
    );
    expect(spans(free)).toEqual(['2026-10-24T23:00/2026-10-25T03:00']);
  });

  it('Europe/Berlin keeps 09:00 local on both sides of the change', () => {
    const cal = inZone('Europe/Berlin', allWeek(9 * 60, 17 * 60));
    const free = availableIntervals(cal, at('2026-03-28T00:00:00Z'), at('2026-03-31T00:00:00Z'));
    expect(spans(free)).toEqual([
      '2026-03-28T08:00/2026-03-28T16:00',
      '2026-03-29T07:00/2026-03-29T15:00',
      '2026-03-30T07:00/2026-03-30T15:00',
    ]);
  });

  it('America/New_York spring-forward: a range starting in the skipped hour starts at 03:00 local', () => {
    const free = availableIntervals(
      inZone('America/New_York', [{ weekday: 7, startMinute: 150, endMinute: 300 }]),
      ...day('2026-03-08'),
    );
    // 02:30 does not exist that night; 03:30 EDT = 07:30Z, and 05:00 EDT = 09:00Z.
    expect(spans(free)).toEqual(['2026-03-08T07:30/2026-03-08T09:00']);
  });

  it('America/New_York fall-back: 01:00–04:00 local is four real hours', () => {
    const free = availableIntervals(
      inZone('America/New_York', [{ weekday: 7, startMinute: 60, endMinute: 240 }]),
      ...day('2026-11-01'),
    );
    expect(spans(free)).toEqual(['2026-11-01T05:00/2026-11-01T09:00']);
  });

  it('a range ending at midnight ends at the next local midnight', () => {
    const free = availableIntervals(
      inZone('America/New_York', [{ weekday: 6, startMinute: 22 * 60, endMinute: 1440 }]),
      ...day('2026-10-31'),
    );
    expect(spans(free)).toEqual(['2026-11-01T02:00/2026-11-01T04:00']);
  });

  it('Asia/Kolkata (no DST) stays at 03:30Z on both weekends', () => {
    const cal = inZone('Asia/Kolkata', allWeek(9 * 60, 17 * 60));
    for (const date of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01']) {
      const free = availableIntervals(cal, at(`${date}T00:00:00Z`), at(`${date}T23:59:00Z`));
      expect(spans(free)).toEqual([`${date}T03:30/${date}T11:30`]);
    }
  });

  it('a Berlin + New York panel overlaps 14–16Z, then 13–16Z between the two changes, then 13–15Z', () => {
    const panel = [
      inZone('Europe/Berlin', allWeek(9 * 60, 17 * 60)),
      inZone('America/New_York', allWeek(9 * 60, 17 * 60)),
    ];
    const common = (date: string) => {
      const slots = findSlots({
        panel,
        durationMinutes: 60,
        from: at(`${date}T00:00:00Z`),
        to: at(`${date}T23:59:00Z`),
        now: 0,
        stepMinutes: 60,
      });
      return slots.map((s) => new Date(s.start).toISOString().slice(11, 13));
    };
    expect(common('2026-03-06')).toEqual(['14', '15']);
    expect(common('2026-03-10')).toEqual(['13', '14', '15']);
    expect(common('2026-03-30')).toEqual(['13', '14']);
    expect(common('2026-10-27')).toEqual(['13', '14', '15']);
    expect(common('2026-11-03')).toEqual(['14', '15']);
  });
});
