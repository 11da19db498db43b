import type { Slot } from '@interviewselect/contracts';

export interface SlotDay {
  /** YYYY-MM-DD in the viewer's zone. */
  date: string;
  /** "Mon, 7 Jan" in the viewer's locale. */
  label: string;
  slots: (Slot & { time: string })[];
}

function parts(iso: string, timeZone: string, locale?: string) {
  const date = new Date(iso);
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    date,
  );
  const label = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(
    date,
  );
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
  return { ymd, label, time };
}

/** Slots (UTC instants) grouped by the viewer's local day, with the local time of each, in order. */
export function groupSlotsByDay(slots: readonly Slot[], timeZone: string, locale?: string): SlotDay[] {
  const days = new Map<string, SlotDay>();
  for (const slot of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    const { ymd, label, time } = parts(slot.start, timeZone, locale);
    const day = days.get(ymd) ?? { date: ymd, label, slots: [] };
    day.slots.push({ ...slot, time });
    days.set(ymd, day);
  }
  return [...days.values()];
}

/** "Tue, 8 Jan, 15:00–16:00 (Europe/Berlin)": a slot in the viewer's zone, zone named. */
export function formatSlot(slot: Slot, timeZone: string, locale?: string): string {
  const start = parts(slot.start, timeZone, locale);
  const end = parts(slot.end, timeZone, locale);
  return `${start.label}, ${start.time}–${end.time} (${timeZone.replaceAll('_', ' ')})`;
}

/** Every IANA zone the browser knows, the viewer's own first. */
export function timeZoneChoices(own: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [own, ...all.filter((z) => z !== own)];
}
