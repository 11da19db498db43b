import { CalendarEntriesSchema } from '@interviewselect/contracts';
import { apiGet } from '../../lib/api';

/** What the calendar shows: one organisation, one visible range, optionally one interviewer. */
export interface EntriesQuery {
  orgId: string;
  from: string;
  to: string;
  interviewerId: string | null;
}

export const calendarEntriesKeys = {
  all: ['calendar', 'entries'] as const,
  range: (q: EntriesQuery) => ['calendar', 'entries', q.orgId, q.from, q.to, q.interviewerId] as const,
};

/** GET /api/v1/calendar/entries (moving an entry uses schedulingApi.book). */
export function fetchEntries(q: EntriesQuery, signal?: AbortSignal) {
  const params = new URLSearchParams({ orgId: q.orgId, from: q.from, to: q.to });
  if (q.interviewerId) params.set('interviewerIds', q.interviewerId);
  return apiGet(`/api/v1/calendar/entries?${params.toString()}`, CalendarEntriesSchema, signal ? { signal } : {});
}
