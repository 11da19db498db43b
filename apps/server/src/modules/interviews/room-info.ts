import type { RoomInfo, RoomQuestion } from '@interviewselect/contracts';
import type { InterviewAggregate, ParticipantRow } from './interviews.repo.js';
import type { BankRef } from './question-bank.js';
import type { RoomMember } from './room-access.js';
import { roomClock } from './room-clock.js';

/** A participant's name as others see it: in anonymous mode "Candidate", "Interviewer 2", "Observer 1". */
export function participantLabel(p: Pick<ParticipantRow, 'role' | 'labelIndex' | 'displayName'>, anonymous: boolean) {
  if (!anonymous) return p.displayName;
  if (p.role === 'candidate') return 'Candidate';
  return `${p.role === 'interviewer' ? 'Interviewer' : 'Observer'} ${p.labelIndex}`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * What the room page needs, already cut to the caller (interviews.service
 * `roomInfo` decides what they may see): `questions` are the ones they may
 * read, and notes and answer keys appear only when `seesPrivate`.
 */
export function toRoomInfo(input: {
  agg: InterviewAggregate;
  questions: InterviewAggregate['questions'];
  member: RoomMember;
  seesPrivate: boolean;
  canWrite: boolean;
  canControl: boolean;
  refs: Map<string, BankRef>;
  views: Map<string, Pick<RoomQuestion, 'view' | 'answerKey'>>;
  now: Date;
}): RoomInfo {
  const { agg, member, seesPrivate, refs, views } = input;
  const { interview } = agg;
  return {
    interviewId: interview.id,
    title: interview.title,
    status: interview.status,
    plannedStart: iso(interview.plannedStart),
    durationMinutes: interview.durationMinutes,
    startedAt: iso(interview.startedAt),
    defaultLanguage: interview.defaultLanguage as RoomInfo['defaultLanguage'],
    options: {
      anonymous: interview.anonymous,
      recordingAllowed: interview.recordingAllowed,
      integritySignals: interview.integritySignals,
    },
    me: {
      participantId: member.participantId,
      role: member.role,
      label: member.label,
      canWrite: input.canWrite,
      canControl: input.canControl,
    },
    participants: agg.participants.map((p) => ({
      id: p.id,
      role: p.role,
      label: participantLabel(p, interview.anonymous),
    })),
    clock: roomClock(agg.transitions, interview.durationMinutes * 60_000, input.now),
    questions: input.questions.map((q) => {
      const bankView = q.problemVersionId ? views.get(q.problemVersionId) : undefined;
      return {
        id: q.id,
        position: q.position,
        title: q.title,
        prompt: q.prompt,
        problem: (q.problemVersionId && refs.get(q.problemVersionId)) || null,
        view: bankView?.view ?? null,
        ...(seesPrivate
          ? {
              interviewerNotes: q.interviewerNotes,
              ...(bankView?.answerKey ? { answerKey: bankView.answerKey } : {}),
            }
          : {}),
      };
    }),
  };
}
