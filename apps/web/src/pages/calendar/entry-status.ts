import type { InterviewStatus } from '@interviewselect/contracts';
import { STATUS_LABELS } from '../interviews/interview-status';

/** The statuses a calendar shows (drafts have no booked time), in legend order. */
export const CALENDAR_STATUSES = [
  'scheduled',
  'live',
  'paused',
  'ended',
  'cancelled',
] as const satisfies readonly InterviewStatus[];

/** The class that colours an entry; the status is also written in the entry (never colour alone). */
export function statusClass(status: InterviewStatus): string {
  return `calendar-entry--${status}`;
}

export function statusLabel(status: InterviewStatus): string {
  return STATUS_LABELS[status];
}
