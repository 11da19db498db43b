import type { InterviewAction, InterviewStatus, RoomRole } from '@interviewselect/contracts';
import type { BadgeTone } from '../../ui/badge';
import { StatusChip } from '../../ui/status-chip';

export const STATUS_LABELS: Record<InterviewStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  live: 'Live',
  paused: 'Paused',
  ended: 'Ended',
  cancelled: 'Cancelled',
};

const STATUS_TONES: Record<InterviewStatus, BadgeTone> = {
  draft: 'neutral',
  scheduled: 'info',
  live: 'success',
  paused: 'warning',
  ended: 'neutral',
  cancelled: 'danger',
};

/** Buttons for the lifecycle actions, in the order they are offered. */
export const ACTION_LABELS: Record<InterviewAction, string> = {
  schedule: 'Schedule',
  start: 'Start interview',
  pause: 'Pause',
  resume: 'Resume',
  end: 'End interview',
  cancel: 'Cancel interview',
};

export const ROLE_LABELS: Record<RoomRole, string> = {
  candidate: 'Candidate',
  interviewer: 'Interviewer',
  observer: 'Observer',
};

/** The interview's status as a chip: the label is the meaning, the tone and glyph reinforce it. */
export function InterviewStatusChip({ status }: { status: InterviewStatus }) {
  return <StatusChip tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</StatusChip>;
}

/** "45 min", "1 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
