/**
 * The browser's own zone is the viewer's zone: a datetime-local or date input
 * holds wall-clock time there, and the API wants ISO 8601 with an explicit
 * offset, so "14:30" means the same instant for the interviewer in Berlin and
 * the server in UTC.
 */

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** "2026-11-23T14:30:00+01:00" for the instant, written in the local zone. */
export function toOffsetIso(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${day}T${time}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A datetime-local value ("2026-11-23T14:30") as ISO with offset; null when empty or not a real time. */
export function localInputToIso(value: string): string | null {
  const match = LOCAL_DATETIME.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  if (date.getMonth() !== mo - 1 || date.getDate() !== d) return null; // 31 February
  return toOffsetIso(date);
}

/** An ISO instant as a datetime-local value in the local zone (for editing). */
export function isoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Local midnight starting `day` ("2026-11-23"), `plusDays` later, as ISO with offset; null if not a date. */
export function dayStartIso(day: string, plusDays = 0): string | null {
  const match = LOCAL_DATE.exec(day);
  if (!match) return null;
  const [, y, mo, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, mo - 1, d + plusDays);
  if (plusDays === 0 && (date.getMonth() !== mo - 1 || date.getDate() !== d)) return null;
  return toOffsetIso(date);
}
