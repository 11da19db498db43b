import { describe, expect, it } from 'vitest';
import { consolidateDecision } from './decision.js';

describe('consolidateDecision', () => {
  it('is null when nobody recommended anything', () => {
    expect(consolidateDecision({})).toBeNull();
  });

  it('takes the recommendation nearest the mean and says whether the panel agreed', () => {
    expect(consolidateDecision({ hire: 2, strong_hire: 1 })).toEqual({
      recommendation: 'hire',
      mean: 3.33,
      counts: { strong_no_hire: 0, no_hire: 0, hire: 2, strong_hire: 1 },
      unanimous: false,
    });
    expect(consolidateDecision({ strong_hire: 3 })).toMatchObject({ recommendation: 'strong_hire', unanimous: true });
    expect(consolidateDecision({ strong_no_hire: 1, strong_hire: 2 })).toMatchObject({
      recommendation: 'hire',
      mean: 3,
    });
  });

  it('breaks an exact tie towards the more cautious recommendation', () => {
    // Mean 2.5: between no hire (2) and hire (3).
    expect(consolidateDecision({ no_hire: 1, hire: 1 })?.recommendation).toBe('no_hire');
    expect(consolidateDecision({ strong_no_hire: 1, strong_hire: 1 })?.recommendation).toBe('no_hire');
  });
});
