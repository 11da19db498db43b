import {
  INTERVIEW_TRANSITIONS,
  type InterviewAction,
  type InterviewStatus,
  type RoomRole,
} from '@interviewselect/contracts';
import type { BadgeTone } from '../../ui/badge';

/**
 * Who may change the shared code now — the same rule the room socket enforces
 * (observers never; candidates while live; interviewers until cancelled), so
 * the editor turns read-only at the moment the server would start refusing.
 */
export function canWriteRoom(role: RoomRole, status: InterviewStatus): boolean {
  if (role === 'observer') return false;
  if (role === 'candidate') return status === 'live';
  return status !== 'cancelled';
}

/** Whether the person may be in the room at all; a candidate waits in the lobby until the start. */
export function canEnterRoom(role: RoomRole, status: InterviewStatus): boolean {
  if (role === 'interviewer') return status !== 'cancelled';
  return status === 'live' || status === 'paused' || status === 'ended';
}

/** The lifecycle buttons of the top bar, in the order they are shown. */
export const ROOM_ACTIONS = ['start', 'pause', 'resume', 'end'] as const satisfies readonly InterviewAction[];
export type RoomAction = (typeof ROOM_ACTIONS)[number];

export function availableActions(role: RoomRole, status: InterviewStatus): RoomAction[] {
  if (role !== 'interviewer') return [];
  return ROOM_ACTIONS.filter((action) => INTERVIEW_TRANSITIONS[action].from.includes(status));
}

export const ACTION_LABELS: Record<RoomAction, string> = {
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  end: 'End',
};

/** The status chip: lobby (not started yet), live, paused, ended, cancelled. */
export function statusPresentation(status: InterviewStatus): { label: string; tone: BadgeTone } {
  switch (status) {
    case 'draft':
    case 'scheduled':
      return { label: 'Lobby', tone: 'neutral' };
    case 'live':
      return { label: 'Live', tone: 'success' };
    case 'paused':
      return { label: 'Paused', tone: 'warning' };
    case 'ended':
      return { label: 'Ended', tone: 'info' };
    case 'cancelled':
      return { label: 'Cancelled', tone: 'danger' };
  }
}

/** Why the editor is read-only, in one sentence, or null when it is not. */
export function readOnlyReason(role: RoomRole, status: InterviewStatus): string | null {
  if (canWriteRoom(role, status)) return null;
  if (role === 'observer') return 'You are observing: the code is read-only for you.';
  if (status === 'paused') return 'The interview is paused; the code is read-only until the interviewer resumes.';
  if (status === 'ended') return 'The interview has ended; the code is read-only.';
  if (status === 'cancelled') return 'The interview was cancelled.';
  return 'The interview has not started yet; the code is read-only.';
}
