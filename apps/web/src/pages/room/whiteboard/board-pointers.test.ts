import { describe, expect, it } from 'vitest';
import { PARTICIPANT_COLORS } from '../participant-colors';
import { pointersKey, readPointers, toPointer } from './board-pointers';

const user = (name: string, color?: string) => ({ name, participantId: `p-${name}`, role: 'candidate', color });

describe('board pointers from awareness', () => {
  it('shows others’ pointers with the server’s label and a participant colour, never our own', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: user('Me'), pointer: { x: 1, y: 1, button: 'up' } }],
      [7, { user: user('Candidate', PARTICIPANT_COLORS[2]), pointer: { x: 10, y: -5, button: 'down' } }],
      [3, { user: user('Interviewer 1'), pointer: null }],
      [4, { user: user('Observer 1'), pointer: { x: 'far', y: 0, button: 'up' } }],
      [5, { pointer: { x: 0, y: 0, button: 'up' } }],
    ]);
    expect(readPointers(states, 1)).toEqual([
      { clientId: 7, label: 'Candidate', color: PARTICIPANT_COLORS[2], pointer: { x: 10, y: -5, button: 'down' } },
    ]);
  });

  it('keys pointers by what is drawn, so unrelated awareness changes are ignored', () => {
    const a = readPointers(new Map([[2, { user: user('C'), pointer: { x: 1, y: 2, button: 'up' } }]]), 1);
    const b = readPointers(
      new Map([[2, { user: user('C'), pointer: { x: 1, y: 2, button: 'up' }, cursor: { anchor: 1, head: 2 } }]]),
      1,
    );
    expect(pointersKey(a)).toBe(pointersKey(b));
    expect(pointersKey(a)).not.toBe(
      pointersKey(readPointers(new Map([[2, { user: user('C'), pointer: { x: 2, y: 2, button: 'up' } }]]), 1)),
    );
  });

  it('rounds what it publishes and publishes nothing out of bounds', () => {
    expect(toPointer(10.6, -3.2, 'up')).toEqual({ x: 11, y: -3, button: 'up' });
    expect(toPointer(5e6, 0, 'down')).toBeNull();
    expect(toPointer(Number.NaN, 0, 'down')).toBeNull();
  });
});
