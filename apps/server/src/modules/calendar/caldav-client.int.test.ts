import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRadicale, type RadicaleServer } from '../../../test/radicale.js';
import { CalDavError, createCalDavClient } from './caldav-client.js';
import { buildCalendar } from './ics.js';

const external = (uid: string, lines: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Other app//EN',
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Berlin',
    'BEGIN:STANDARD',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260301T000000Z',
    ...lines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('CalDAV client against a real Radicale', () => {
  let radicale: RadicaleServer;
  let calendarUrl: string;

  beforeAll(async () => {
    radicale = await startRadicale({ alice: 'alice-pass', bob: 'bob-pass' });
    calendarUrl = await radicale.makeCalendar('alice', 'alice-pass', 'work');
  });

  afterAll(async () => {
    await radicale.close();
  });

  it('accepts a calendar collection and explains every other URL or credential', async () => {
    await expect(
      createCalDavClient({ url: calendarUrl, username: 'alice', password: 'alice-pass' }).check(),
    ).resolves.toEqual({ displayName: expect.any(String) as string });
    const refused = createCalDavClient({ url: calendarUrl, username: 'alice', password: 'wrong' }).check();
    await expect(refused).rejects.toThrow('refused the user name or password');
    await expect(
      createCalDavClient({ url: `${radicale.baseUrl}/alice/`, username: 'alice', password: 'alice-pass' }).check(),
    ).rejects.toThrow('not a calendar collection');
    // Bob may not use Alice's calendar.
    await expect(
      createCalDavClient({ url: calendarUrl, username: 'bob', password: 'bob-pass' }).check(),
    ).rejects.toBeInstanceOf(CalDavError);
    await expect(
      createCalDavClient({ url: 'http://127.0.0.1:9/cal/', username: 'a', password: 'b' }, { timeoutMs: 2000 }).check(),
    ).rejects.toThrow('could not be reached');
  });

  it('writes, reads back as busy (expanding recurrences across DST) and deletes events', async () => {
    const client = createCalDavClient({ url: calendarUrl, username: 'alice', password: 'alice-pass' });
    const ours = 'interview-123@interviewselect';
    await client.putEvent(
      ours,
      buildCalendar({
        method: 'PUBLISH',
        events: [
          {
            uid: ours,
            sequence: 0,
            start: new Date('2026-03-30T08:00:00Z'),
            end: new Date('2026-03-30T09:00:00Z'),
            summary: 'Interview',
            description: 'Join',
            url: 'https://app.test/interviews/123/room',
            organizer: { name: 'Acme', email: 'no-reply@app.test' },
            attendees: [],
            status: 'CONFIRMED',
            stamp: new Date('2026-03-01T00:00:00Z'),
          },
        ],
      }),
    );
    // A weekly 10:00 Berlin meeting: 09:00Z before the spring change (29 March 2026), 08:00Z after it.
    await client.putEvent(
      'standup@other',
      external('standup@other', [
        'DTSTART;TZID=Europe/Berlin:20260316T100000',
        'DTEND;TZID=Europe/Berlin:20260316T103000',
        'RRULE:FREQ=WEEKLY;COUNT=4',
        'SUMMARY:Stand-up',
      ]),
    );
    await client.putEvent(
      'free@other',
      external('free@other', ['DTSTART:20260331T120000Z', 'DTEND:20260331T130000Z', 'TRANSP:TRANSPARENT']),
    );
    await client.putEvent(
      'off@other',
      external('off@other', ['DTSTART:20260331T140000Z', 'DTEND:20260331T150000Z', 'STATUS:CANCELLED']),
    );

    const from = new Date('2026-03-20T00:00:00Z');
    const to = new Date('2026-04-10T00:00:00Z');
    const busy = await client.busy(from, to, (uid) => uid.endsWith('@interviewselect'));
    expect(busy.map((r) => [r.start.toISOString(), r.end.toISOString()])).toEqual([
      ['2026-03-23T09:00:00.000Z', '2026-03-23T09:30:00.000Z'],
      ['2026-03-30T08:00:00.000Z', '2026-03-30T08:30:00.000Z'],
      ['2026-04-06T08:00:00.000Z', '2026-04-06T08:30:00.000Z'],
    ]);
    // Without the filter our own interview counts too.
    expect((await client.busy(from, to)).map((r) => r.start.toISOString())).toContain('2026-03-30T08:00:00.000Z');

    await client.deleteEvent(ours);
    await client.deleteEvent(ours);
    const after = await client.busy(new Date('2026-03-30T07:00:00Z'), new Date('2026-03-30T10:00:00Z'));
    expect(after.map((r) => r.start.toISOString())).toEqual(['2026-03-30T08:00:00.000Z']);
  });
});
