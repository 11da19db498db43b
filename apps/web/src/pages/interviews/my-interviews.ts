import type { MyInterview } from '@interviewselect/contracts';

const OPEN_STATUSES = new Set<MyInterview['status']>(['draft', 'scheduled', 'live', 'paused']);

/** Live and paused first, then by planned start (unplanned last). */
function upcomingOrder(a: MyInterview, b: MyInterview): number {
  const running = (i: MyInterview) => (i.status === 'live' || i.status === 'paused' ? 0 : 1);
  if (running(a) !== running(b)) return running(a) - running(b);
  const at = (i: MyInterview) => (i.plannedStart ? Date.parse(i.plannedStart) : Number.POSITIVE_INFINITY);
  return at(a) - at(b);
}

/** Newest first, by when it ended (or was planned). */
function pastOrder(a: MyInterview, b: MyInterview): number {
  const at = (i: MyInterview) => Date.parse(i.endedAt ?? i.plannedStart ?? '') || 0;
  return at(b) - at(a);
}

export interface MyInterviewsView {
  next: MyInterview | null;
  upcoming: MyInterview[];
  past: MyInterview[];
}

/** The candidate's landing: the next interview on top, the later ones, then the finished ones. */
export function splitMyInterviews(items: readonly MyInterview[]): MyInterviewsView {
  const open = items.filter((i) => OPEN_STATUSES.has(i.status)).toSorted(upcomingOrder);
  const past = items.filter((i) => !OPEN_STATUSES.has(i.status)).toSorted(pastOrder);
  return { next: open[0] ?? null, upcoming: open.slice(1), past };
}

export type EntryAction = { kind: 'link'; label: string; to: string } | { kind: 'wait'; label: string };

/** What the button on an interview does for the person's role in it. */
export function entryAction(item: MyInterview): EntryAction {
  const room = `/interviews/${item.id}/room`;
  if (item.role === 'interviewer') {
    return item.status === 'live' || item.status === 'paused'
      ? { kind: 'link', label: 'Open room', to: room }
      : { kind: 'link', label: 'Open', to: `/interviews/${item.id}` };
  }
  if (item.status === 'live' || item.status === 'paused') return { kind: 'link', label: 'Join', to: room };
  if (item.status === 'ended' && item.role === 'candidate')
    return { kind: 'link', label: 'Feedback', to: `/me/interviews/${item.id}/feedback` };
  if (item.status === 'ended') return { kind: 'link', label: 'View', to: room };
  if (item.status === 'cancelled') return { kind: 'wait', label: 'Cancelled' };
  return { kind: 'wait', label: 'Opens when the interviewer starts' };
}
