import { DateTime } from 'luxon';
import type { CalendarViewKind } from './calendar-view';

/**
 * The calendar draws in the viewer's own zone (Settings → Availability, else
 * the browser's), which need not be the browser's: every conversion between
 * an instant and a wall-clock value names that zone explicitly.
 */

/** Today's date in `timeZone` ("2030-01-07"). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? '';
}

/** A YYYY-MM-DD date, or null when it is not one. */
export function parseDay(value: string | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return DateTime.fromISO(value, { zone: 'UTC' }).isValid ? value : null;
}

/** The anchor date one period earlier (-1) or later (+1). */
export function shiftDay(day: string, view: CalendarViewKind, step: -1 | 1): string {
  const date = DateTime.fromISO(day, { zone: 'UTC' });
  const next = view === 'week' ? date.plus({ weeks: step }) : date.startOf('month').plus({ months: step });
  return next.toISODate() ?? day;
}

/** An instant as a datetime-local value ("2030-01-07T10:00") on the wall clock of `timeZone`. */
export function toZonedInput(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** A datetime-local value read on the wall clock of `timeZone`, as ISO in UTC; null if not a time. */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const date = DateTime.fromISO(value, { zone: timeZone });
  return date.isValid ? date.toUTC().toISO({ suppressMilliseconds: true }) : null;
}

/** "Mon 7 Jan, 10:00–11:00 (Europe/Berlin)". */
export function formatSpan(start: string, end: string, timeZone: string): string {
  const from = DateTime.fromISO(start, { zone: timeZone });
  const to = DateTime.fromISO(end, { zone: timeZone });
  return `${from.toFormat('ccc d LLL yyyy, HH:mm')}–${to.toFormat('HH:mm')} (${timeZone.replaceAll('_', ' ')})`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The hours the week grid spans: a working day (08:00–20:00), widened to the
 * whole hours around the week's earliest start and latest end on the wall
 * clock of `timeZone` — so the week opens on its interviews instead of on a
 * morning of empty slots. (A drop outside is still possible: Reschedule….)
 */
export function weekHours(
  entries: readonly { start: string; end: string }[],
  timeZone: string,
): { min: string; max: string } {
  let min = 8;
  let max = 20;
  for (const entry of entries) {
    const start = DateTime.fromISO(entry.start, { zone: timeZone });
    const end = DateTime.fromISO(entry.end, { zone: timeZone });
    if (!start.isValid || !end.isValid) continue;
    min = Math.min(min, start.hour);
    max = Math.max(max, end.toISODate() !== start.toISODate() ? 24 : Math.ceil(end.hour + end.minute / 60));
  }
  return { min: `${pad2(min)}:00:00`, max: `${pad2(max)}:00:00` };
}
