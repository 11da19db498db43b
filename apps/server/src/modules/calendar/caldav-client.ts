/**
 * The few CalDAV (RFC 4791) requests the two-way sync needs, over fetch with
 * HTTP Basic auth: check that a URL is a calendar collection, write and
 * delete one event, and read busy times in a range (the server expands
 * recurring events). Google and Microsoft calendars plug into the same
 * CalendarSync interface through their OAuth APIs (see README).
 */
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';

export interface CalDavAccount {
  /** The calendar collection, e.g. https://dav.example.com/alice/interviews/ */
  url: string;
  username: string;
  password: string;
}

export interface BusyRange {
  start: Date;
  end: Date;
}

export class CalDavError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

const xml = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, isArray: () => false });

const CALENDAR_QUERY = (from: string, to: string) => `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><C:calendar-data><C:expand start="${from}" end="${to}"/></C:calendar-data></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="${from}" end="${to}"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>`;

const PROPFIND = `<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:displayname/></D:prop></D:propfind>`;

const compact = (date: Date) =>
  date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

/** Every value of `key` anywhere in a parsed XML tree. */
function collect(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const item of node) collect(item, key, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node) as [string, unknown][]) {
      if (k !== key) collect(v, key, out);
      else if (Array.isArray(v)) for (const item of v as unknown[]) out.push(item);
      else out.push(v);
    }
  }
  return out;
}

/** What ical.js's Event#getOccurrenceDetails returns. */
interface OccurrenceDetails {
  item: ICAL.Event;
  startDate: ICAL.Time;
  endDate: ICAL.Time;
}

/** Upper bound of occurrences looked at per recurring event (a daily event over years stays cheap). */
const MAX_OCCURRENCES = 2000;

/**
 * Busy ranges of one calendar object in [from, to). Recurring events are
 * expanded here, with their overridden occurrences (RECURRENCE-ID), because
 * not every server honours <C:expand> (Radicale 3.1 does not). Time zones
 * come from the object's own VTIMEZONE blocks.
 */
export function busyIn(
  calendar: ICAL.Component,
  from: Date,
  to: Date,
  ignoreUid: (uid: string) => boolean = () => false,
): BusyRange[] {
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = vtimezone.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && !ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.register(vtimezone);
  }
  const isBusy = (vevent: ICAL.Component) =>
    vevent.getFirstPropertyValue('transp') !== 'TRANSPARENT' && vevent.getFirstPropertyValue('status') !== 'CANCELLED';
  const ranges: BusyRange[] = [];
  const add = (start: Date, end: Date) => {
    if (end > from && start < to) ranges.push({ start, end: end > start ? end : start });
  };
  const vevents = calendar.getAllSubcomponents('vevent');
  const masters = new Map<string, ICAL.Event>();
  for (const vevent of vevents) {
    if (!vevent.hasProperty('recurrence-id'))
      masters.set(String(vevent.getFirstPropertyValue('uid')), new ICAL.Event(vevent));
  }
  for (const vevent of vevents) {
    const uid = String(vevent.getFirstPropertyValue('uid'));
    const master = masters.get(uid);
    if (vevent.hasProperty('recurrence-id') && master?.isRecurring()) master.relateException(vevent);
    else if (vevent.hasProperty('recurrence-id') && !ignoreUid(uid) && isBusy(vevent)) {
      const event = new ICAL.Event(vevent);
      add(event.startDate.toJSDate(), event.endDate.toJSDate());
    }
  }
  for (const [uid, event] of masters) {
    if (ignoreUid(uid)) continue;
    if (!event.isRecurring()) {
      if (isBusy(event.component)) add(event.startDate.toJSDate(), event.endDate.toJSDate());
      continue;
    }
    const iterator = event.iterator();
    for (let i = 0; i < MAX_OCCURRENCES; i++) {
      const next = iterator.next();
      if (!next || next.toJSDate() >= to) break;
      // ical.js ships this return type unresolved in its declarations.
      const occurrence = event.getOccurrenceDetails(next) as unknown as OccurrenceDetails;
      if (isBusy(occurrence.item.component)) add(occurrence.startDate.toJSDate(), occurrence.endDate.toJSDate());
    }
  }
  return ranges;
}

export function createCalDavClient(account: CalDavAccount, options: { timeoutMs?: number } = {}) {
  const base = account.url.endsWith('/') ? account.url : `${account.url}/`;
  const auth = `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(method: string, url: string, init: { body?: string; headers?: Record<string, string> } = {}) {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: auth, ...init.headers },
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
      throw new CalDavError(`The CalDAV server ${reason} (${new URL(url).host}).`, null);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new CalDavError('The CalDAV server refused the user name or password.', response.status);
    }
    return response;
  }

  const eventUrl = (uid: string) => `${base}${encodeURIComponent(uid)}.ics`;

  return {
    /** Throws a CalDavError a person can act on unless `url` is a calendar this account may use. */
    async check(): Promise<{ displayName: string | null }> {
      const response = await call('PROPFIND', base, {
        body: PROPFIND,
        headers: { depth: '0', 'content-type': 'application/xml; charset=utf-8' },
      });
      if (response.status !== 207) await response.body?.cancel();
      if (response.status === 404) throw new CalDavError('There is no calendar at this URL.', 404);
      if (response.status !== 207) {
        throw new CalDavError(`The server answered ${response.status} instead of a CalDAV listing.`, response.status);
      }
      const tree: unknown = xml.parse(await response.text());
      const types = collect(tree, 'resourcetype');
      const isCalendar = types.some((t) => t !== null && typeof t === 'object' && 'calendar' in t);
      if (!isCalendar) {
        throw new CalDavError('This URL is not a calendar collection. Use the URL of one calendar.', 207);
      }
      const name = collect(tree, 'displayname')[0];
      return { displayName: typeof name === 'string' && name ? name : null };
    },

    /** Creates or replaces one event (the resource name follows its UID). */
    async putEvent(uid: string, ics: string): Promise<void> {
      const response = await call('PUT', eventUrl(uid), {
        body: ics,
        headers: { 'content-type': 'text/calendar; charset=utf-8' },
      });
      await response.body?.cancel();
      if (!response.ok) throw new CalDavError(`Writing the event failed (${response.status}).`, response.status);
    },

    /** Removes one event; an event already gone is fine. */
    async deleteEvent(uid: string): Promise<void> {
      const response = await call('DELETE', eventUrl(uid));
      await response.body?.cancel();
      if (!response.ok && response.status !== 404) {
        throw new CalDavError(`Deleting the event failed (${response.status}).`, response.status);
      }
    },

    /**
     * Busy ranges overlapping [from, to): opaque, not cancelled events,
     * recurring ones expanded by the server. `ignoreUid` skips our own
     * interviews (they are bookings already).
     */
    async busy(from: Date, to: Date, ignoreUid: (uid: string) => boolean = () => false): Promise<BusyRange[]> {
      const response = await call('REPORT', base, {
        body: CALENDAR_QUERY(compact(from), compact(to)),
        headers: { depth: '1', 'content-type': 'application/xml; charset=utf-8' },
      });
      if (response.status !== 207) {
        await response.body?.cancel();
        throw new CalDavError(`Reading busy times failed (${response.status}).`, response.status);
      }
      const tree: unknown = xml.parse(await response.text());
      const ranges: BusyRange[] = [];
      for (const data of collect(tree, 'calendar-data')) {
        if (typeof data !== 'string' || !data.includes('BEGIN:VCALENDAR')) continue;
        ranges.push(...busyIn(new ICAL.Component(ICAL.parse(data) as unknown[]), from, to, ignoreUid));
      }
      return ranges.sort((a, b) => a.start.getTime() - b.start.getTime());
    },
  };
}

export type CalDavClient = ReturnType<typeof createCalDavClient>;
