import { describe, expect, it } from 'vitest';
import { colorFor, colorIndexFor, initialsOf, PARTICIPANT_COLORS } from './participant-colors';
import { mergePresence, readPresence } from './presence';

describe('presence', () => {
  const participants = [
    { id: 'cand', role: 'candidate' as const, label: 'Candidate' },
    { id: 'int1', role: 'interviewer' as const, label: 'Interviewer 1' },
  ];

  it('reads only states with a valid user', () => {
    const states = new Map<number, Record<string, unknown>>([
      [7, { user: { name: 'Candidate', participantId: 'cand', role: 'candidate', color: '#2563eb' } }],
      [3, { cursor: null }],
      [5, { user: { name: 'x' } }],
    ]);
    expect(readPresence(states)).toEqual([
      { clientId: 7, user: { name: 'Candidate', participantId: 'cand', role: 'candidate', color: '#2563eb' } },
    ]);
  });

  it('marks who is connected, adds late joiners, and sorts interviewers first', () => {
    const people = mergePresence(
      participants,
      [
        { clientId: 9, user: { name: 'Candidate', participantId: 'cand', role: 'candidate' } },
        { clientId: 12, user: { name: 'Observer 1', participantId: 'obs', role: 'observer' } },
      ],
      'int1',
    );
    expect(people.map((p) => [p.label, p.isOnline, p.isMe, p.clientIds])).toEqual([
      ['Interviewer 1', false, true, []],
      ['Candidate', true, false, [9]],
      ['Observer 1', true, false, [12]],
    ]);
  });

  it('gives the listed participants distinct colours, and others a stable one', () => {
    expect(colorIndexFor('cand', participants)).toBe(0);
    expect(colorIndexFor('int1', participants)).toBe(1);
    expect(colorIndexFor('stranger', participants)).toBe(colorIndexFor('stranger'));
    expect(PARTICIPANT_COLORS).toContain(colorFor('anyone'));
  });

  it('makes initials from labels', () => {
    expect(initialsOf('Interviewer 2')).toBe('I2');
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('Candidate')).toBe('C');
    expect(initialsOf('  ')).toBe('?');
  });
});
