/**
 * RFC 5545 iCalendar text for interview invitations (iTIP, RFC 5546) and
 * subscription feeds. Times are written in UTC (`…Z`): every calendar client
 * shows them in its own zone, which is the recipient's. Lines end in CRLF and
 * are folded at 75 octets without splitting a UTF-8 character.
 */

export type IcsMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsEvent {
  /** Stable across every update of the same interview. */
  uid: string;
  /** Grows with each update or cancellation the attendees are sent. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  /** The join link (also put in LOCATION so every client shows it); absent when the reader has it elsewhere. */
  url?: string;
  /** Omitted in a person's own calendar copy, so a CalDAV server never sends invitations on its own. */
  organizer?: IcsPerson;
  attendees: readonly (IcsPerson & { role: 'chair' | 'required' | 'optional' })[];
  status: 'CONFIRMED' | 'CANCELLED';
  /** When this version of the event was made (DTSTAMP). */
  stamp: Date;
}

const PRODID = '-//InterviewSelect//Interviews//EN';
const encoder = new TextEncoder();

/** 20261206T153000Z */
export function icsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Parameter values with ; , : are quoted; quotes themselves cannot appear (RFC 6868 is not universally read). */
function paramValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, "'");
  return /[;,:]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds one content line at 75 octets (continuation lines start with a space). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    // The first line may hold 75 octets; continuations 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
    }
    current += char;
    currentBytes += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function mailto(email: string): string {
  return `mailto:${email.replace(/[\r\n]/g, '')}`;
}

function eventLines(event: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.url ? [`LOCATION:${escapeText(event.url)}`, `URL:${event.url}`] : []),
    `STATUS:${event.status}`,
    'TRANSP:OPAQUE',
  ];
  if (event.organizer) {
    lines.push(`ORGANIZER;CN=${paramValue(event.organizer.name)}:${mailto(event.organizer.email)}`);
  }
  for (const attendee of event.attendees) {
    const role =
      attendee.role === 'chair' ? 'CHAIR' : attendee.role === 'optional' ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT';
    lines.push(
      `ATTENDEE;CN=${paramValue(attendee.name)};ROLE=${role};PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(attendee.email)}`,
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/**
 * A whole VCALENDAR object: one event for an invitation, many for a feed.
 * Without a method it is a stored calendar resource (CalDAV forbids METHOD there).
 */
export function buildCalendar(input: { method?: IcsMethod; name?: string; events: readonly IcsEvent[] }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'];
  if (input.method) lines.push(`METHOD:${input.method}`);
  if (input.name) lines.push(`X-WR-CALNAME:${escapeText(input.name)}`);
  for (const event of input.events) lines.push(...eventLines(event));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
