import { describe, expect, it } from 'vitest';
import { fitInto, gridFor } from './stream-mixer';

describe('the recording grid', () => {
  it('lays tiles out as squarely as possible', () => {
    expect(gridFor(0)).toEqual({ columns: 1, rows: 1 });
    expect(gridFor(1)).toEqual({ columns: 1, rows: 1 });
    expect(gridFor(2)).toEqual({ columns: 2, rows: 1 });
    expect(gridFor(3)).toEqual({ columns: 2, rows: 2 });
    expect(gridFor(5)).toEqual({ columns: 3, rows: 2 });
  });

  it('letterboxes a picture into its tile', () => {
    expect(fitInto(640, 480, { x: 0, y: 0, width: 640, height: 240 })).toEqual({
      x: 160,
      y: 0,
      width: 320,
      height: 240,
    });
    expect(fitInto(0, 0, { x: 1, y: 2, width: 3, height: 4 })).toEqual({ x: 1, y: 2, width: 3, height: 4 });
  });
});
