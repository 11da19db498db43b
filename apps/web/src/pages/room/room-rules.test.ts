import { describe, expect, it } from 'vitest';
import { availableActions, canEnterRoom, canWriteRoom, readOnlyReason, statusPresentation } from './room-rules';

describe('room rules', () => {
  it('lets candidates write only while live, interviewers until cancelled, observers never', () => {
    expect(canWriteRoom('candidate', 'live')).toBe(true);
    expect(canWriteRoom('candidate', 'paused')).toBe(false);
    expect(canWriteRoom('candidate', 'ended')).toBe(false);
    expect(canWriteRoom('interviewer', 'ended')).toBe(true);
    expect(canWriteRoom('interviewer', 'cancelled')).toBe(false);
    expect(canWriteRoom('observer', 'live')).toBe(false);
    expect(readOnlyReason('candidate', 'ended')).toMatch(/ended/);
    expect(readOnlyReason('candidate', 'live')).toBeNull();
  });

  it('keeps candidates in the lobby until the start', () => {
    expect(canEnterRoom('candidate', 'scheduled')).toBe(false);
    expect(canEnterRoom('candidate', 'live')).toBe(true);
    expect(canEnterRoom('interviewer', 'draft')).toBe(true);
  });

  it('offers interviewers the actions the transition table allows', () => {
    expect(availableActions('interviewer', 'scheduled')).toEqual(['start']);
    expect(availableActions('interviewer', 'live')).toEqual(['pause', 'end']);
    expect(availableActions('interviewer', 'paused')).toEqual(['resume', 'end']);
    expect(availableActions('interviewer', 'ended')).toEqual([]);
    expect(availableActions('candidate', 'live')).toEqual([]);
  });

  it('names the lobby statuses "Lobby"', () => {
    expect(statusPresentation('draft').label).toBe('Lobby');
    expect(statusPresentation('live')).toEqual({ label: 'Live', tone: 'success' });
  });
});
