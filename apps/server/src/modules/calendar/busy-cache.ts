import type { BusyRange } from './caldav-client.js';

/** What reading one person's calendar gave: their busy ranges, nothing to read (no connection), or a failure. */
export type BusyRead = { ranges: BusyRange[] } | { error: string } | null;

interface Entry {
  from: number;
  to: number;
  at: number;
  read: BusyRead;
}

export interface BusyCacheOptions {
  /** Reads [from, to) of one person's calendar (the slow part: a CalDAV REPORT, up to its timeout). */
  read: (userId: string, from: Date, to: Date) => Promise<BusyRead>;
  now: () => Date;
  /** How long busy times read successfully are used (default 2 minutes). */
  ttlMs?: number;
  /** How long a failure is remembered, so a dead server does not cost its timeout on every slot query (default 1 minute). */
  failureTtlMs?: number;
  /** How far ahead of now a read reaches, so the next queries of the coming weeks are served from it (default 31 days). */
  aheadMs?: number;
}

const DAY = 86_400_000;

/**
 * Busy times of connected calendars for the slot finder, per node: one read
 * per person covers from the start of today to a month ahead (or the asked
 * range when it is wider), is reused for a couple of minutes, and people
 * asking together share one read. Slot queries and bookings no longer wait
 * on the calendar server each time; a calendar changed outside the app is
 * seen within the TTL. `forget` drops a person's entry (connect, disconnect).
 */
export function createBusyCache(options: BusyCacheOptions) {
  const ttlMs = options.ttlMs ?? 2 * 60_000;
  const failureTtlMs = options.failureTtlMs ?? 60_000;
  const aheadMs = options.aheadMs ?? 31 * DAY;
  const entries = new Map<string, Entry>();
  const reading = new Map<string, Promise<Entry>>();
  // A read started before `forget` must not put its (old) answer back.
  const generation = new Map<string, number>();

  const covers = (entry: Entry, from: number, to: number) => entry.from <= from && entry.to >= to;

  function fresh(entry: Entry | undefined, from: number, to: number, now: number): entry is Entry {
    if (!entry || !covers(entry, from, to)) return false;
    const ttl = entry.read && 'error' in entry.read ? failureTtlMs : ttlMs;
    return now - entry.at < ttl;
  }

  async function readInto(userId: string, from: number, to: number): Promise<Entry> {
    const now = options.now().getTime();
    const dayStart = now - (now % DAY);
    const window = { from: Math.min(from, dayStart), to: Math.max(to, now + aheadMs) };
    const started = generation.get(userId) ?? 0;
    const read = await options.read(userId, new Date(window.from), new Date(window.to));
    const entry = { ...window, at: options.now().getTime(), read };
    if ((generation.get(userId) ?? 0) === started) entries.set(userId, entry);
    return entry;
  }

  return {
    /** The person's busy ranges overlapping [from, to), or their failure, or null without a connection. */
    async get(userId: string, from: Date, to: Date): Promise<BusyRead> {
      const [f, t] = [from.getTime(), to.getTime()];
      const now = options.now().getTime();
      const cached = entries.get(userId);
      let entry: Entry;
      if (fresh(cached, f, t, now)) entry = cached;
      else {
        const pending = reading.get(userId);
        const shared = pending ? await pending : null;
        if (shared && covers(shared, f, t)) entry = shared;
        else {
          const next = readInto(userId, f, t).finally(() => {
            if (reading.get(userId) === next) reading.delete(userId);
          });
          reading.set(userId, next);
          entry = await next;
        }
      }
      if (!entry.read || 'error' in entry.read) return entry.read;
      return { ranges: entry.read.ranges.filter((r) => r.end.getTime() > f && r.start.getTime() < t) };
    },

    forget(userId: string): void {
      generation.set(userId, (generation.get(userId) ?? 0) + 1);
      entries.delete(userId);
      reading.delete(userId);
    },
  };
}

export type BusyCache = ReturnType<typeof createBusyCache>;
