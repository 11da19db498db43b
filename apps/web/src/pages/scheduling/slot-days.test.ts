import { describe, expect, it } from 'vitest';
import { formatSlot, groupSlotsByDay } from './slot-days';

const slot = (start: string, end: string) => ({ start, end });

describe('groupSlotsByDay', () => {
  it('groups UTC slots by the viewer’s local day and shows local times', () => {
    const slots = [
      slot('2030-01-08T03:00:00.000Z', '2030-01-08T04:00:00.000Z'),
      slot('2030-01-07T15:00:00.000Z', '2030-01-07T16:00:00.000Z'),
      slot('2030-01-08T06:00:00.000Z', '2030-01-08T07:00:00.000Z'),
    ];
    // In Tokyo (+09:00) the first two fall on 8 January, the third on 8 January too: 00:00, 12:00, 15:00.
    const tokyo = groupSlotsByDay(slots, 'Asia/Tokyo', 'en-GB');
    expect(tokyo.map((d) => [d.date, d.slots.map((s) => s.time)])).toEqual([
      ['2030-01-08', ['00:00', '12:00', '15:00']],
    ]);
    // In New York (−05:00) they are on 7 January: 10:00, 22:00, 01:00 on the 8th.
    const ny = groupSlotsByDay(slots, 'America/New_York', 'en-GB');
    expect(ny.map((d) => [d.date, d.slots.map((s) => s.time)])).toEqual([
      ['2030-01-07', ['10:00', '22:00']],
      ['2030-01-08', ['01:00']],
    ]);
  });

  it('names the zone when formatting one slot', () => {
    expect(formatSlot(slot('2030-07-01T13:00:00.000Z', '2030-07-01T14:00:00.000Z'), 'Europe/Berlin', 'en-GB')).toBe(
      'Mon 1 Jul, 15:00–16:00 (Europe/Berlin)',
    );
  });
});
