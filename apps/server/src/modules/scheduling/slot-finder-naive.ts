import { availableIntervals, type InterviewerCalendar } from './interviewer-calendar.js';
import type { Interval } from './intervals.js';
import { localDateOf } from './local-time.js';
import type { SlotQuery } from './slot-finder.js';

const MINUTE = 60_000;

function fitsFor(cal: InterviewerCalendar, free: readonly Interval[], s: number, e: number, now: number): boolean {
  if (s < now + cal.minimumNoticeMinutes * MINUTE) return false;
  if (!free.some((i) => i.start <= s && e <= i.end)) return false;
  const from = s - cal.bufferBeforeMinutes * MINUTE;
  const until = e + cal.bufferAfterMinutes * MINUTE;
  if (cal.busy.some((b) => b.blockedFrom < until && from < b.blockedUntil)) return false;
  if (cal.maxPerDay === null) return true;
  const day = localDateOf(s, cal.timeZone);
  return cal.busy.filter((b) => localDateOf(b.start, cal.timeZone) === day).length < cal.maxPerDay;
}

/**
 * The obvious algorithm: test every start on the grid against every
 * interviewer's availability and every booking. The reference the tests
 * compare findSlots with, and the baseline of the `slots` benchmark.
 */
export function naiveSlots(q: SlotQuery): Interval[] {
  const duration = q.durationMinutes * MINUTE;
  const step = (q.stepMinutes ?? 15) * MINUTE;
  const free = q.panel.map((cal) => availableIntervals(cal, q.from, q.to));
  const slots: Interval[] = [];
  for (let s = Math.ceil(q.from / step) * step; s + duration <= q.to; s += step) {
    const e = s + duration;
    if (q.panel.every((cal, i) => fitsFor(cal, free[i] ?? [], s, e, q.now))) slots.push({ start: s, end: e });
  }
  return slots;
}
