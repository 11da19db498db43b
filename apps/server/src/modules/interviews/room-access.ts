import type { InterviewStatus, RoomRole } from '@interviewselect/contracts';
import type { Principal } from '../auth/principal.js';

/** Someone's place in one room, as the room socket and room routes need it. */
export interface RoomMember {
  interviewId: string;
  orgId: string;
  /** interview_participants.id — the stable id of this person in this room (awareness, chat, the log's actor). */
  participantId: string;
  role: RoomRole;
  /** What others see: the person's name, or “Candidate” / “Interviewer 1” / “Observer 1” in anonymous mode. */
  label: string;
  status: InterviewStatus;
  anonymous: boolean;
  integritySignals: boolean;
  recordingAllowed: boolean;
}

/** Interview lifecycle changes, for the room socket (status broadcast, read-only after the end). */
export interface InterviewStatusEvent {
  interviewId: string;
  status: InterviewStatus;
  at: Date;
}

/**
 * What the interviews module offers the room (rooms module) — the one seam
 * between them. `resolveMember` answers null when the principal has no place
 * in that interview (then the room refuses it).
 */
export interface RoomAccess {
  resolveMember(principal: Principal, interviewId: string): Promise<RoomMember | null>;
  /** Subscribe to status changes made on this node; returns the unsubscribe function. */
  onStatusChange(listener: (event: InterviewStatusEvent) => void): () => void;
}

/**
 * Whether a member may change the shared room document now: observers never;
 * candidates only while the interview is live; interviewers until it is
 * cancelled (ended rooms stay writable for them, e.g. to tidy code for the report — not for anyone else).
 */
export function memberCanWrite(member: Pick<RoomMember, 'role' | 'status'>): boolean {
  if (member.role === 'observer') return false;
  if (member.role === 'candidate') return member.status === 'live';
  return member.status !== 'cancelled';
}

/** Whether a member may be connected to the room at all now (the candidate waits in the lobby until the start). */
export function memberMayEnter(member: Pick<RoomMember, 'role' | 'status'>): boolean {
  if (member.role === 'interviewer') return true;
  return member.status === 'live' || member.status === 'paused' || member.status === 'ended';
}
