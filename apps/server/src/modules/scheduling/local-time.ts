import { DateTime } from 'luxon';

const DAY = 86_400_000;

/**
 * Wall-clock time in an IANA zone ↔ UTC instants, through luxon (which uses
 * the runtime's tz database). A wall time that does not exist (the skipped
 * hour of spring-forward) moves forward by the gap; an ambiguous one (the
 * repeated hour of fall-back) takes the earlier instant.
 */

/** The instant of `minute` minutes after local midnight of `date` (YYYY-MM-DD) in `zone`; 1440 is the next midnight. */
export function localToUtc(date: string, minute: number, zone: string): number {
  const day = DateTime.fromISO(date, { zone });
  const dt = minute >= 1440 ? day.plus({ days: 1 }) : day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
  return dt.toMillis();
}

/** The local calendar date (YYYY-MM-DD) of an instant in `zone`. */
export function localDateOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() ?? '';
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** Every local date in `zone` that overlaps [from, to), plus one on each side for ranges crossing midnight. */
export function localDatesCovering(from: number, to: number, zone: string): string[] {
  // Calendar dates are zone-free: step through them as UTC midnights.
  const first = Date.parse(`${localDateOf(from, zone)}T00:00:00Z`) - DAY;
  const last = Date.parse(`${localDateOf(to, zone)}T00:00:00Z`) + DAY;
  const dates: string[] = [];
  for (let d = first; d <= last; d += DAY) dates.push(new Date(d).toISOString().slice(0, 10));
  return dates;
}

/** `HH:MM` → minutes after midnight (24:00 → 1440). */
export function parseWallTime(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Minutes after midnight → `HH:MM`. */
export function formatWallTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * Local dates of many instants in one zone, fast: the local midnights of the
 * dates covering [from, to) are computed once, then each instant is a binary
 * search (the slot finder asks this for every candidate start and booking).
 */
export function localDayLookup(from: number, to: number, zone: string): (ms: number) => string {
  const dates = localDatesCovering(from, to, zone);
  const midnights = dates.map((d) => localToUtc(d, 0, zone));
  return (ms) => {
    if (ms < (midnights[0] ?? 0) || ms >= (midnights[midnights.length - 1] ?? 0) + 86_400_000 * 2) {
      return localDateOf(ms, zone);
    }
    let lo = 0;
    let hi = midnights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((midnights[mid] ?? 0) <= ms) lo = mid;
      else hi = mid - 1;
    }
    return dates[lo] ?? localDateOf(ms, zone);
  };
}
