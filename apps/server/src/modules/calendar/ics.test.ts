import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, type IcsEvent } from './ics.js';

const event: IcsEvent = {
  uid: 'interview-0193@interviewselect.test',
  sequence: 2,
  start: new Date('2027-03-28T00:30:00Z'),
  end: new Date('2027-03-28T01:30:00Z'),
  summary: 'Backend interview; round 2, with Zoë',
  description: 'Join here:\nhttps://app.test/r/abc\nBring a pen, please.',
  url: 'https://app.test/interviews/0193/room',
  organizer: { name: 'Ada Lovelace, CTO', email: 'ada@acme.test' },
  attendees: [
    { name: 'Ada Lovelace, CTO', email: 'ada@acme.test', role: 'chair' },
    { name: 'Grace "Amazing" Hopper', email: 'grace@acme.test', role: 'required' },
    { name: 'Candidate', email: 'cand@example.test', role: 'required' },
  ],
  status: 'CONFIRMED',
  stamp: new Date('2027-03-01T10:00:00Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, parsed: new ICAL.Event(vevent) };
}

describe('buildCalendar', () => {
  it('produces an iTIP REQUEST a real parser reads back field by field', () => {
    const text = buildCalendar({ method: 'REQUEST', events: [event] });
    const { calendar, vevent, parsed } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(parsed.uid).toBe(event.uid);
    expect(parsed.sequence).toBe(2);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(parsed.summary).toBe(event.summary);
    expect(parsed.description).toBe(event.description);
    expect(vevent.getFirstPropertyValue('url')).toBe(event.url);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(parsed.organizer).toBe('mailto:ada@acme.test');
    const attendees = parsed.attendees.map((a) => ({
      email: a.getFirstValue(),
      cn: a.getParameter('cn'),
      role: a.getParameter('role'),
    }));
    expect(attendees).toEqual([
      { email: 'mailto:ada@acme.test', cn: 'Ada Lovelace, CTO', role: 'CHAIR' },
      { email: 'mailto:grace@acme.test', cn: "Grace 'Amazing' Hopper", role: 'REQ-PARTICIPANT' },
      { email: 'mailto:cand@example.test', cn: 'Candidate', role: 'REQ-PARTICIPANT' },
    ]);
  });

  it('writes CRLF lines no longer than 75 octets, even with multi-byte text', () => {
    const long = { ...event, summary: 'Zoë’s système-design interview — '.repeat(8) };
    const text = buildCalendar({ method: 'CANCEL', events: [{ ...long, status: 'CANCELLED' }] });
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const { calendar, parsed } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(parsed.summary).toBe(long.summary);
  });

  it('holds many events in one feed', () => {
    const second = { ...event, uid: 'other@interviewselect.test', sequence: 0 };
    const text = buildCalendar({ method: 'PUBLISH', name: 'My interviews', events: [event, second] });
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual([
      event.uid,
      second.uid,
    ]);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('My interviews');
  });
});

describe('text helpers', () => {
  it('escapes the characters RFC 5545 reserves in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('never splits a character when folding', () => {
    const folded = foldLine('X:' + '€'.repeat(60));
    const restored = folded.replace(/\r\n /g, '');
    expect(restored).toBe('X:' + '€'.repeat(60));
    expect(folded.split('\r\n').length).toBeGreaterThan(1);
  });
});
