import { normalize, subtract, type Interval } from './intervals.js';
import { localDatesCovering, localToUtc, weekdayOf } from './local-time.js';

/** A wall-clock range on some local day: minutes after midnight, [start, end), end ≤ 1440. */
export interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

export interface CalendarException {
  date: string;
  kind: 'available' | 'unavailable';
  /** Null: the whole day. */
  range: MinuteRange | null;
}

/** An existing booking of the interviewer: the interview's start and the range its buffers block. */
export interface BusyRange {
  start: number;
  blockedFrom: number;
  blockedUntil: number;
}

/** Everything the slot finder knows about one interviewer. Instants are epoch milliseconds (UTC). */
export interface InterviewerCalendar {
  userId: string;
  timeZone: string;
  weekly: readonly (MinuteRange & { weekday: number })[];
  exceptions: readonly CalendarException[];
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  maxPerDay: number | null;
  busy: readonly BusyRange[];
  /**
   * Busy times from the interviewer's own calendar (CalDAV sync): unavailable
   * like a booking, buffers included, but not counted towards maxPerDay.
   */
  external?: readonly { start: number; end: number }[];
}

/** The local day's ranges: weekly rules, replaced or amended by that date's exceptions. */
function rangesOfDay(cal: InterviewerCalendar, date: string, weekday: number, exceptions: CalendarException[]) {
  if (exceptions.some((e) => e.kind === 'unavailable' && e.range === null)) return [];
  const toInterval = (r: MinuteRange): Interval => ({ start: r.startMinute, end: r.endMinute });
  const open = [
    ...cal.weekly.filter((r) => r.weekday === weekday).map(toInterval),
    ...exceptions
      .filter((e) => e.kind === 'available')
      .map((e) => toInterval(e.range ?? { startMinute: 0, endMinute: 1440 })),
  ];
  const blocked = exceptions.flatMap((e) => (e.kind === 'unavailable' && e.range ? [toInterval(e.range)] : []));
  return subtract(normalize(open), normalize(blocked)).map((r) => ({
    start: localToUtc(date, r.start, cal.timeZone),
    end: localToUtc(date, r.end, cal.timeZone),
  }));
}

/**
 * When the interviewer is available in [from, to): their wall-clock rules
 * turned into UTC day by day in their own zone, so a 09:00–17:00 rule stays
 * 09:00–17:00 local across DST changes (and a range spanning the change is
 * an hour shorter or longer in real time).
 */
export function availableIntervals(cal: InterviewerCalendar, from: number, to: number): Interval[] {
  const byDate = new Map<string, CalendarException[]>();
  for (const e of cal.exceptions) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  const out: Interval[] = [];
  for (const date of localDatesCovering(from, to, cal.timeZone)) {
    out.push(...rangesOfDay(cal, date, weekdayOf(date), byDate.get(date) ?? []));
  }
  return normalize(out).flatMap((i) => {
    const start = Math.max(i.start, from);
    const end = Math.min(i.end, to);
    return end > start ? [{ start, end }] : [];
  });
}

/** How many interviews the interviewer already has per local date (for the daily maximum). */
export function bookingsPerDay(cal: InterviewerCalendar, dayOf: (ms: number) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of cal.busy) {
    const date = dayOf(b.start);
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return counts;
}
