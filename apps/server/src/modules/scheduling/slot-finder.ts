import { intersect, normalize, subtract, type Interval } from './intervals.js';
import { availableIntervals, bookingsPerDay, type InterviewerCalendar } from './interviewer-calendar.js';
import { localDayLookup } from './local-time.js';

export interface SlotQuery {
  panel: readonly InterviewerCalendar[];
  durationMinutes: number;
  from: number;
  to: number;
  now: number;
  /** Slots start on multiples of this many minutes (UTC grid; every zone offset is a multiple of 15). */
  stepMinutes?: number;
  /** Stop after this many slots. */
  limit?: number;
}

const MINUTE = 60_000;

/**
 * The panel's common free slots in [from, to): every start on the step grid
 * such that for each interviewer the interview lies inside their
 * availability, after their minimum notice, with their buffers clear of
 * their existing bookings' blocked ranges, and under their daily maximum.
 *
 * Works on interval sets rather than testing each candidate start: the
 * allowed starts are the intersection of everyone's availability (shrunk by
 * the duration) minus, per booking, the open interval of starts whose
 * buffered range would overlap it. Pure; `naiveSlots` is the reference.
 */
export function findSlots(q: SlotQuery): Interval[] {
  const duration = q.durationMinutes * MINUTE;
  const step = (q.stepMinutes ?? 15) * MINUTE;
  let allowed: Interval[] = [{ start: q.from, end: q.to }];
  const forbidden: Interval[] = [];
  for (const cal of q.panel) {
    const notBefore = q.now + cal.minimumNoticeMinutes * MINUTE;
    const free = availableIntervals(cal, Math.max(q.from, notBefore), q.to);
    // Starts s with [s, s + duration) inside a free interval.
    allowed = intersect(allowed, normalize(free.map((i) => ({ start: i.start, end: i.end - duration + 1 }))));
    const before = cal.bufferBeforeMinutes * MINUTE;
    const after = cal.bufferAfterMinutes * MINUTE;
    // [s - before, s + duration + after) overlaps [from, until) ⇔ from - duration - after < s < until + before.
    for (const b of cal.busy) {
      forbidden.push({ start: b.blockedFrom - duration - after + 1, end: b.blockedUntil + before });
    }
    for (const e of cal.external ?? []) {
      forbidden.push({ start: e.start - duration - after + 1, end: e.end + before });
    }
    if (allowed.length === 0) return [];
  }
  allowed = subtract(allowed, normalize(forbidden));
  if (allowed.length === 0) return [];
  // Only interviewers with a daily maximum need their bookings counted per local day.
  const perDay = q.panel
    .filter((cal) => cal.maxPerDay !== null)
    .map((cal) => {
      // Bookings up to two days either side count for the local days of the range.
      const dayOf = localDayLookup(q.from - 2 * 86_400_000, q.to + 2 * 86_400_000, cal.timeZone);
      return { cal, dayOf, counts: bookingsPerDay(cal, dayOf) };
    });
  const slots: Interval[] = [];
  for (const range of allowed) {
    for (let s = Math.ceil(range.start / step) * step; s < range.end; s += step) {
      const full = perDay.some(
        ({ cal, dayOf, counts }) => cal.maxPerDay !== null && (counts.get(dayOf(s)) ?? 0) >= cal.maxPerDay,
      );
      if (!full) slots.push({ start: s, end: s + duration });
      if (q.limit !== undefined && slots.length >= q.limit) return slots;
    }
  }
  return slots;
}
