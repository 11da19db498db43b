import type { InterviewLink } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import { currentLinks, linkStatus } from './link-state';

const NOW = Date.parse('2026-11-23T12:00:00Z');

function link(overrides: Partial<InterviewLink>): InterviewLink {
  return {
    id: crypto.randomUUID(),
    role: 'candidate',
    expiresAt: '2026-11-30T12:00:00.000Z',
    singleUse: false,
    uses: 0,
    revokedAt: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    active: true,
    emailedTo: null,
    ...overrides,
  };
}

describe('invite link state', () => {
  it('says why a link stopped working', () => {
    expect(linkStatus(link({}), NOW)).toBe('active');
    expect(linkStatus(link({ active: false, revokedAt: '2026-11-23T11:00:00.000Z' }), NOW)).toBe('revoked');
    expect(linkStatus(link({ active: false, expiresAt: '2026-11-23T11:00:00.000Z' }), NOW)).toBe('expired');
    expect(linkStatus(link({ active: false, singleUse: true, uses: 1 }), NOW)).toBe('used');
  });

  it('shows each role’s active link, else its newest, else none', () => {
    const old = link({ active: false, revokedAt: '2026-11-23T11:00:00.000Z', createdAt: '2026-11-22T10:00:00.000Z' });
    const fresh = link({ createdAt: '2026-11-23T11:00:00.000Z' });
    const observer = link({ role: 'observer', active: false, revokedAt: '2026-11-23T11:00:00.000Z' });
    expect(currentLinks([old, fresh, observer])).toEqual({ candidate: fresh, interviewer: null, observer });
  });
});
