import { describe, expect, it } from 'vitest';
import { dayStartIso, isoToLocalInput, localInputToIso, toOffsetIso } from './local-time';

const OFFSET_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe('local time for inputs', () => {
  it('writes an instant with the local offset, naming the same moment', () => {
    const date = new Date(2026, 10, 23, 14, 30);
    const iso = toOffsetIso(date);
    expect(iso).toMatch(OFFSET_ISO);
    expect(iso.startsWith('2026-11-23T14:30:00')).toBe(true);
    expect(Date.parse(iso)).toBe(date.getTime());
  });

  it('turns a datetime-local value into ISO with offset and back', () => {
    const iso = localInputToIso('2026-11-23T09:05');
    expect(iso).toMatch(OFFSET_ISO);
    expect(Date.parse(iso ?? '')).toBe(new Date(2026, 10, 23, 9, 5).getTime());
    expect(isoToLocalInput(iso)).toBe('2026-11-23T09:05');
  });

  it('rejects empty, malformed and impossible values', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('tomorrow at nine')).toBeNull();
    expect(localInputToIso('2026-02-31T10:00')).toBeNull();
    expect(isoToLocalInput(null)).toBe('');
    expect(isoToLocalInput('not a date')).toBe('');
  });

  it('gives local midnight of a day, or of a later day', () => {
    expect(Date.parse(dayStartIso('2026-11-23') ?? '')).toBe(new Date(2026, 10, 23).getTime());
    expect(Date.parse(dayStartIso('2026-11-30', 1) ?? '')).toBe(new Date(2026, 11, 1).getTime());
    expect(dayStartIso('2026-13-01')).toBeNull();
    expect(dayStartIso('23/11/2026')).toBeNull();
  });
});
