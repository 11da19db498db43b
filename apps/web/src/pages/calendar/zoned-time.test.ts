import { describe, expect, it } from 'vitest';
import { formatSpan, fromZonedInput, parseDay, shiftDay, todayIn, toZonedInput, weekHours } from './zoned-time';

describe('calendar times in the viewer’s zone', () => {
  it('reads a wall-clock value in the named zone, not the browser’s, across a DST change', () => {
    expect(fromZonedInput('2030-01-08T10:00', 'Europe/Berlin')).toBe('2030-01-08T09:00:00Z');
    expect(fromZonedInput('2030-07-09T10:00', 'Europe/Berlin')).toBe('2030-07-09T08:00:00Z');
    expect(fromZonedInput('2030-03-31T10:00', 'America/New_York')).toBe('2030-03-31T14:00:00Z');
    expect(fromZonedInput('', 'Europe/Berlin')).toBeNull();
    expect(fromZonedInput('2030-02-31T10:00', 'Europe/Berlin')).toBeNull();
  });

  it('writes an instant as the wall clock of the zone', () => {
    expect(toZonedInput('2030-01-08T09:00:00Z', 'Europe/Berlin')).toBe('2030-01-08T10:00');
    expect(toZonedInput('2030-01-08T09:00:00Z', 'Asia/Tokyo')).toBe('2030-01-08T18:00');
  });

  it('moves a week or a month at a time and names the date of today in the zone', () => {
    expect(shiftDay('2030-01-31', 'week', 1)).toBe('2030-02-07');
    expect(shiftDay('2030-01-31', 'month', 1)).toBe('2030-02-01');
    expect(shiftDay('2030-03-15', 'month', -1)).toBe('2030-02-01');
    // 23:30 UTC on 7 January is already the 8th in Berlin.
    expect(todayIn('Europe/Berlin', new Date('2030-01-07T23:30:00Z'))).toBe('2030-01-08');
    expect(todayIn('America/Los_Angeles', new Date('2030-01-07T23:30:00Z'))).toBe('2030-01-07');
  });

  it('spans the week grid over the working day, widened to the week’s interviews in the viewer’s zone', () => {
    expect(weekHours([], 'Europe/Berlin')).toEqual({ min: '08:00:00', max: '20:00:00' });
    const early = { start: '2030-01-08T05:30:00Z', end: '2030-01-08T06:15:00Z' };
    // 06:30–07:15 in Berlin, 14:30–15:15 in Tokyo.
    expect(weekHours([early], 'Europe/Berlin')).toEqual({ min: '06:00:00', max: '20:00:00' });
    expect(weekHours([early], 'Asia/Tokyo')).toEqual({ min: '08:00:00', max: '20:00:00' });
    const late = { start: '2030-01-08T19:00:00Z', end: '2030-01-08T20:30:00Z' };
    expect(weekHours([late], 'Europe/Berlin')).toEqual({ min: '08:00:00', max: '22:00:00' });
    // 23:30–00:30 in Berlin ends on the next day: the grid runs to midnight.
    const overnight = { start: '2030-01-08T22:30:00Z', end: '2030-01-08T23:30:00Z' };
    expect(weekHours([overnight], 'Europe/Berlin')).toEqual({ min: '08:00:00', max: '24:00:00' });
  });

  it('accepts only real dates from the address bar', () => {
    expect(parseDay('2030-01-07')).toBe('2030-01-07');
    expect(parseDay('2030-13-01')).toBeNull();
    expect(parseDay('yesterday')).toBeNull();
    expect(parseDay(null)).toBeNull();
  });

  it('names the zone in a time span', () => {
    expect(formatSpan('2030-01-08T09:00:00Z', '2030-01-08T10:00:00Z', 'America/New_York')).toBe(
      'Tue 8 Jan 2030, 04:00–05:00 (America/New York)',
    );
  });
});
