/**
 * Dates are shown in the viewer's time zone with the zone named (UX.md), so
 * "14:03" is never ambiguous when interviewer and candidate are continents apart.
 */
export interface DateFormatOptions {
  /** IANA zone; the viewer's own by default. Tests pin it. */
  timeZone?: string;
  locale?: string;
}

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function format(date: Date | string | number, fields: Intl.DateTimeFormatOptions, options: DateFormatOptions): string {
  const timeZone = options.timeZone ?? viewerTimeZone();
  const text = new Intl.DateTimeFormat(options.locale, { ...fields, timeZone }).format(new Date(date));
  return `${text} (${timeZone.replaceAll('_', ' ')})`;
}

/** "23 Nov 2025, 14:03 (Europe/Berlin)" in the viewer's locale. */
export function formatDateTime(date: Date | string | number, options: DateFormatOptions = {}): string {
  return format(date, { dateStyle: 'medium', timeStyle: 'short' }, options);
}

/** "14:03:12 (Europe/Berlin)": for same-day facts such as "last checked". */
export function formatTime(date: Date | string | number, options: DateFormatOptions = {}): string {
  return format(date, { timeStyle: 'medium' }, options);
}
