import type { MyInterview } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import { entryAction, splitMyInterviews } from './my-interviews';

function item(overrides: Partial<MyInterview>): MyInterview {
  return {
    id: crypto.randomUUID(),
    title: 'Interview',
    orgName: 'Acme',
    status: 'scheduled',
    plannedStart: '2026-11-25T10:00:00.000Z',
    durationMinutes: 60,
    role: 'candidate',
    endedAt: null,
    ...overrides,
  };
}

describe('my interviews', () => {
  it('puts a running interview first, then the soonest; finished ones newest first', () => {
    const later = item({ title: 'later', plannedStart: '2026-12-01T10:00:00.000Z' });
    const soon = item({ title: 'soon', plannedStart: '2026-11-24T10:00:00.000Z' });
    const live = item({ title: 'live', status: 'live', plannedStart: '2026-12-05T10:00:00.000Z' });
    const unplanned = item({ title: 'unplanned', status: 'draft', plannedStart: null });
    const oldEnd = item({ title: 'old', status: 'ended', endedAt: '2026-10-01T10:00:00.000Z' });
    const newEnd = item({ title: 'new', status: 'cancelled', endedAt: '2026-11-01T10:00:00.000Z' });
    const view = splitMyInterviews([later, oldEnd, soon, unplanned, newEnd, live]);
    expect(view.next?.title).toBe('live');
    expect(view.upcoming.map((i) => i.title)).toEqual(['soon', 'later', 'unplanned']);
    expect(view.past.map((i) => i.title)).toEqual(['new', 'old']);
  });

  it('lets a candidate join only once it runs, and sends interviewers to the interview page before that', () => {
    const id = crypto.randomUUID();
    expect(entryAction(item({ id, status: 'live' }))).toEqual({
      kind: 'link',
      label: 'Join',
      to: `/interviews/${id}/room`,
    });
    expect(entryAction(item({ status: 'scheduled' })).kind).toBe('wait');
    expect(entryAction(item({ id, role: 'interviewer' }))).toEqual({
      kind: 'link',
      label: 'Open',
      to: `/interviews/${id}`,
    });
  });

  it('sends a candidate to their feedback once the interview ended; observers to the read-only room', () => {
    const id = crypto.randomUUID();
    expect(entryAction(item({ id, status: 'ended' }))).toEqual({
      kind: 'link',
      label: 'Feedback',
      to: `/me/interviews/${id}/feedback`,
    });
    expect(entryAction(item({ id, status: 'ended', role: 'observer' }))).toEqual({
      kind: 'link',
      label: 'View',
      to: `/interviews/${id}/room`,
    });
  });
});
