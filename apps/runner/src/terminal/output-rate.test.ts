import { describe, expect, it } from 'vitest';
import { createOutputRate } from './output-rate.js';

describe('terminal output rate cap', () => {
  it('admits a second of output at once, then refills at the rate', () => {
    let t = 0;
    const rate = createOutputRate({ bytesPerSecond: 1000, now: () => t });
    expect(rate.admit(600)).toBe(true);
    expect(rate.admit(400)).toBe(true);
    expect(rate.admit(1)).toBe(false);
    t = 500;
    expect(rate.admit(600)).toBe(false);
    expect(rate.admit(500)).toBe(true);
    t = 10_000;
    expect(rate.admit(1000)).toBe(true);
    expect(rate.admit(1)).toBe(false);
  });
});
