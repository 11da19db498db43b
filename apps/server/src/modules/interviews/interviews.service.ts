import { EventEmitter } from 'node:events';
import {
  INTERVIEW_TRANSITIONS,
  type CreateInterviewInputSchema,
  type Interview,
  type InterviewAction,
  type InterviewQuestionInputSchema,
  type InterviewList,
  type InterviewListQuerySchema,
  type InterviewStatus,
  type MyInterview,
  type RoomInfo,
  type RoomRole,
  type UpdateInterviewInput,
} from '@interviewselect/contracts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { RequestMeta } from '../auth/sessions.service.js';
import { can, type Action } from '../policy/policy.js';
import {
  editMovesBooking,
  editWithRebooking,
  scheduleWithBooking,
  type InterviewBookingsPort,
} from './interview-bookings.js';
import type { InterviewEdit } from './interview-edit.repo.js';
import type { InterviewAggregate, InterviewsRepo, NewQuestion, ParticipantRow } from './interviews.repo.js';
import type { BankRef, QuestionBankPort } from './question-bank.js';
import { participantLabel, toRoomInfo } from './room-info.js';
import { memberCanWrite, type InterviewStatusEvent, type RoomAccess, type RoomMember } from './room-access.js';

export type InterviewsService = ReturnType<typeof createInterviewsService>;
/**
 * An interview cancelled through its lifecycle actions. Bookings and moves
 * reach calendars through the scheduling module's notifier instead (one path
 * each, so one e-mail each).
 */
export interface InterviewCalendarEvent {
  interviewId: string;
  kind: 'cancelled';
  reason: string | null;
}

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
type CreateInput = z.output<typeof CreateInterviewInputSchema>;

/** Which policy action each lifecycle action needs. */
const ACTION_POLICY: Record<InterviewAction, Action> = {
  schedule: 'interview.manage',
  start: 'interview.run',
  pause: 'interview.run',
  resume: 'interview.run',
  end: 'interview.run',
  cancel: 'interview.cancel',
};

const EDITABLE: readonly InterviewStatus[] = ['draft', 'scheduled'];

/** What a participant is called in the room: their name, or their role and number in anonymous mode. */
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Interviews: creation and editing, the lifecycle (draft → scheduled → live ⇄
 * paused → ended, or cancelled — every transition stored with who and when),
 * the interviews list, a candidate's own history, and the room's view of who
 * someone is in an interview (RoomAccess).
 */
export function createInterviewsService(deps: {
  repo: InterviewsRepo;
  audit: AuditService;
  bank: QuestionBankPort;
  /** Books the panel when an interview is scheduled or its time, length or panel is edited (scheduling module). */
  bookings: InterviewBookingsPort;
  now: () => Date;
}) {
  const { repo, audit, bank, now } = deps;
  const events = new EventEmitter();

  /** The caller's participant role in the interview, if they have a place in it. */
  function roomRoleOf(principal: Principal, agg: Pick<InterviewAggregate, 'participants'>): RoomRole | undefined {
    if (principal.kind === 'user') return agg.participants.find((p) => p.userId === principal.userId)?.role;
    if (principal.kind === 'guest') return agg.participants.find((p) => p.guestSessionId === principal.guestId)?.role;
    return undefined;
  }

  function resourceOf(principal: Principal, agg: InterviewAggregate) {
    const roomRole = roomRoleOf(principal, agg);
    return { orgId: agg.interview.orgId, interviewId: agg.interview.id, ...(roomRole ? { roomRole } : {}) };
  }

  /** Loads an interview the caller may act on; 404 when it does not exist, 403 when the policy says no. */
  async function loadFor(principal: Principal, id: string, action: Action): Promise<InterviewAggregate> {
    const agg = await repo.loadAggregate(id);
    if (!agg) throw new AppError('resource.not_found', 'No such interview. It may have been deleted.');
    if (!can(principal, action, resourceOf(principal, agg))) {
      throw new AppError('auth.forbidden', 'Your role does not allow this for this interview.');
    }
    return agg;
  }

  /** Bank questions' references, for the questions of one interview. */
  function bankRefs(agg: Pick<InterviewAggregate, 'questions'>): Promise<Map<string, BankRef>> {
    return bank.refs(agg.questions.flatMap((q) => (q.problemVersionId ? [q.problemVersionId] : [])));
  }

  /**
   * The rows to store for the questions asked: bank questions take their title
   * and statement from the version, which must be published and the public
   * library's or the organisation's own.
   */
  async function questionRows(
    orgId: string,
    inputs: readonly z.output<typeof InterviewQuestionInputSchema>[],
  ): Promise<NewQuestion[]> {
    const rows: NewQuestion[] = [];
    for (const [index, q] of inputs.entries()) {
      if (q.problemVersionId === null) {
        rows.push({ title: q.title, prompt: q.prompt, interviewerNotes: q.interviewerNotes, problemVersionId: null });
        continue;
      }
      const found = await bank.askable(orgId, q.problemVersionId);
      if (!found) {
        const message = 'This question is not a published question of the library or of your organisation.';
        throw new AppError('request.validation_failed', `Question ${index + 1}: ${message}`, [
          { path: `body.questions.${index}.problemVersionId`, message },
        ]);
      }
      rows.push({
        title: found.title,
        prompt: found.statement,
        interviewerNotes: q.interviewerNotes,
        problemVersionId: q.problemVersionId,
      });
    }
    return rows;
  }

  async function interviewOf(principal: Principal, agg: InterviewAggregate): Promise<Interview> {
    return toInterview(principal, agg, await bankRefs(agg));
  }

  function toInterview(principal: Principal, agg: InterviewAggregate, refs: Map<string, BankRef>): Interview {
    const { interview: row } = agg;
    const resource = resourceOf(principal, agg);
    const actions = (Object.keys(INTERVIEW_TRANSITIONS) as InterviewAction[]).filter(
      (a) => INTERVIEW_TRANSITIONS[a].from.includes(row.status) && can(principal, ACTION_POLICY[a], resource),
    );
    const canManage = can(principal, 'interview.manage', resource);
    return {
      id: row.id,
      orgId: row.orgId,
      title: row.title,
      status: row.status,
      candidate: { id: agg.candidate.id, name: agg.candidate.name, email: agg.candidate.email },
      interviewers: agg.participants
        .filter((p): p is ParticipantRow & { userId: string } => p.role === 'interviewer' && p.userId !== null)
        .map((p) => ({ userId: p.userId, name: p.displayName, email: null })),
      plannedStart: iso(row.plannedStart),
      durationMinutes: row.durationMinutes,
      defaultLanguage: row.defaultLanguage as Interview['defaultLanguage'],
      options: {
        anonymous: row.anonymous,
        recordingAllowed: row.recordingAllowed,
        integritySignals: row.integritySignals,
      },
      questions: agg.questions.map((q) => ({
        id: q.id,
        position: q.position,
        title: q.title,
        prompt: q.prompt,
        interviewerNotes: q.interviewerNotes,
        problem: (q.problemVersionId && refs.get(q.problemVersionId)) || null,
      })),
      createdBy: { userId: row.createdBy, name: agg.createdByName ?? 'Deleted user' },
      createdAt: row.createdAt.toISOString(),
      startedAt: iso(row.startedAt),
      endedAt: iso(row.endedAt),
      transitions: agg.transitions.map((t) => ({
        from: t.fromStatus,
        to: t.toStatus,
        at: t.at.toISOString(),
        actor: { userId: t.actorUserId, name: t.actorName },
        reason: t.reason,
      })),
      can: { edit: canManage && EDITABLE.includes(row.status), manageLinks: canManage, actions },
    };
  }

  /** Co-interviewers must be members of the org who may interview (not viewers). */
  async function interviewersFor(orgId: string, actor: UserPrincipal, coInterviewerIds: string[]) {
    const ids = [...new Set(coInterviewerIds.filter((id) => id !== actor.userId))];
    const members = await repo.orgMembersAmong(orgId, ids);
    const eligible = members.filter((m) => m.role !== 'viewer');
    if (eligible.length !== ids.length) {
      throw new AppError(
        'request.validation_failed',
        'Every co-interviewer must be a member of this organisation with a role other than viewer.',
        [{ path: 'body.coInterviewerIds', message: 'Pick co-interviewers from the organisation’s members.' }],
      );
    }
    const byId = new Map(eligible.map((m) => [m.userId, m.name]));
    return [
      { userId: actor.userId, name: actor.user.name },
      ...ids.map((id) => ({ userId: id, name: byId.get(id) ?? '' })),
    ];
  }

  async function memberOf(principal: Principal, interviewId: string): Promise<RoomMember | null> {
    const interview = await repo.findInterview(interviewId);
    if (!interview) return null;
    let participant: ParticipantRow | null = null;
    if (principal.kind === 'user') participant = await repo.participantForUser(interviewId, principal.userId);
    else if (principal.kind === 'guest' && principal.interviewId === interviewId)
      participant = await repo.participantForGuest(interviewId, principal.guestId);
    if (!participant) return null;
    return {
      interviewId,
      orgId: interview.orgId,
      participantId: participant.id,
      role: participant.role,
      label: participantLabel(participant, interview.anonymous),
      status: interview.status,
      anonymous: interview.anonymous,
      integritySignals: interview.integritySignals,
      recordingAllowed: interview.recordingAllowed,
    };
  }

  /** Cancellations through the lifecycle actions: the calendar module sends the cancellations from them. */
  function onCalendarChange(listener: (event: InterviewCalendarEvent) => void): () => void {
    events.on('calendar', listener);
    return () => events.off('calendar', listener);
  }

  const roomAccess: RoomAccess = {
    resolveMember: memberOf,
    onStatusChange(listener) {
      events.on('status', listener);
      return () => events.off('status', listener);
    },
  };

  return {
    roomAccess,
    onCalendarChange,

    async create(actor: UserPrincipal, input: CreateInput, meta: RequestMeta): Promise<Interview> {
      const interviewers = await interviewersFor(input.orgId, actor, input.coInterviewerIds);
      const at = now();
      const id = await repo.createInterview({
        interview: {
          orgId: input.orgId,
          title: input.title,
          status: 'draft',
          plannedStart: input.plannedStart ? new Date(input.plannedStart) : null,
          durationMinutes: input.durationMinutes,
          defaultLanguage: input.defaultLanguage,
          anonymous: input.options.anonymous,
          recordingAllowed: input.options.recordingAllowed,
          integritySignals: input.options.integritySignals,
          createdBy: actor.userId,
          createdAt: at,
        },
        candidate: {
          name: input.candidate.name,
          email: input.candidate.email,
          userId: await repo.verifiedUserByEmail(input.candidate.email),
        },
        interviewers,
        questions: await questionRows(input.orgId, input.questions),
        actor: { userId: actor.userId, name: actor.user.name },
        at,
      });
      await audit.record({
        action: 'interview.created',
        actorUserId: actor.userId,
        orgId: input.orgId,
        targetType: 'interview',
        targetId: id,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return interviewOf(actor, (await repo.loadAggregate(id)) as InterviewAggregate);
    },

    async get(principal: Principal, id: string): Promise<Interview> {
      const agg = await repo.loadAggregate(id);
      if (!agg) throw new AppError('resource.not_found', 'No such interview. It may have been deleted.');
      const resource = resourceOf(principal, agg);
      // Org members read it; so do its own interviewers (who might have left the org since).
      if (!can(principal, 'interview.read', resource) && !can(principal, 'interview.run', resource)) {
        throw new AppError('auth.forbidden', 'Only members of the organisation can see this interview.');
      }
      return interviewOf(principal, agg);
    },

    async list(query: z.output<typeof InterviewListQuerySchema>): Promise<InterviewList> {
      const { rows, people, total, page, pageSize } = await repo.list(query);
      return {
        items: rows.map(({ interview, candidateName }) => ({
          id: interview.id,
          orgId: interview.orgId,
          title: interview.title,
          status: interview.status,
          plannedStart: iso(interview.plannedStart),
          durationMinutes: interview.durationMinutes,
          createdAt: interview.createdAt.toISOString(),
          candidateName,
          interviewerNames: people.filter((p) => p.interviewId === interview.id).map((p) => p.name),
        })),
        total,
        page,
        pageSize,
      };
    },

    async update(actor: UserPrincipal, id: string, input: UpdateInterviewInput, meta: RequestMeta): Promise<Interview> {
      const agg = await loadFor(actor, id, 'interview.manage');
      if (!EDITABLE.includes(agg.interview.status)) {
        throw new AppError(
          'interview.locked',
          `This interview is ${agg.interview.status}; only drafts and scheduled interviews can be edited.`,
        );
      }
      const orgId = agg.interview.orgId;
      const creator = agg.participants.find((p) => p.userId === agg.interview.createdBy && p.role === 'interviewer');
      const edit: InterviewEdit = {
        fields: {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.plannedStart !== undefined
            ? { plannedStart: input.plannedStart ? new Date(input.plannedStart) : null }
            : {}),
          ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
          ...(input.defaultLanguage !== undefined ? { defaultLanguage: input.defaultLanguage } : {}),
          ...(input.options
            ? {
                anonymous: input.options.anonymous,
                recordingAllowed: input.options.recordingAllowed,
                integritySignals: input.options.integritySignals,
              }
            : {}),
        },
        ...(input.candidate
          ? {
              candidate: {
                orgId,
                name: input.candidate.name,
                email: input.candidate.email,
                userId: await repo.verifiedUserByEmail(input.candidate.email),
              },
            }
          : {}),
        ...(input.coInterviewerIds
          ? {
              // The creator stays an interviewer (when still one); the list names the others.
              interviewers: await interviewersFor(
                orgId,
                creator?.userId
                  ? { ...actor, userId: creator.userId, user: { ...actor.user, name: creator.displayName } }
                  : actor,
                input.coInterviewerIds,
              ),
            }
          : {}),
        ...(input.questions ? { questions: await questionRows(orgId, input.questions) } : {}),
      };
      if (editMovesBooking(agg, edit)) {
        await editWithRebooking(deps.bookings, agg, actor, edit, input.reason, (tx) => repo.writeEdit(tx, id, edit));
      } else if (!(await repo.updateInterview(id, edit, [agg.interview.status])))
        throw new AppError('interview.locked', 'This interview changed meanwhile. Reload it and try again.');
      await audit.record({
        action: 'interview.updated',
        actorUserId: actor.userId,
        orgId,
        targetType: 'interview',
        targetId: id,
        data: { fields: Object.keys(input) },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return interviewOf(actor, (await repo.loadAggregate(id)) as InterviewAggregate);
    },

    async transition(
      actor: UserPrincipal,
      id: string,
      action: InterviewAction,
      reason: string | undefined,
      meta: RequestMeta,
    ): Promise<Interview> {
      const agg = await loadFor(actor, id, ACTION_POLICY[action]);
      const rule = INTERVIEW_TRANSITIONS[action];
      const at = now();
      const from =
        action === 'schedule'
          ? await scheduleWithBooking(deps.bookings, agg, actor, reason ?? null)
          : await repo.transition({
              id,
              from: rule.from,
              to: rule.to,
              actor: { userId: actor.userId, name: actor.user.name },
              reason: reason ?? null,
              at,
            });
      if (from === null) {
        const current = (await repo.findInterview(id))?.status ?? agg.interview.status;
        throw new AppError(
          'interview.invalid_transition',
          `Cannot ${action} an interview that is ${current}. It can be done from: ${rule.from.join(', ')}.`,
        );
      }
      const event: InterviewStatusEvent = { interviewId: id, status: rule.to, at };
      events.emit('status', event);
      // A booking's invitation comes from the scheduling notifier; a cancellation here is told from here.
      if (rule.to === 'cancelled') {
        events.emit('calendar', {
          interviewId: id,
          kind: 'cancelled',
          reason: reason ?? null,
        } satisfies InterviewCalendarEvent);
      }
      await audit.record({
        action: `interview.${action}`,
        actorUserId: actor.userId,
        orgId: agg.interview.orgId,
        targetType: 'interview',
        targetId: id,
        data: { from, to: rule.to, ...(reason ? { reason } : {}) },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return interviewOf(actor, (await repo.loadAggregate(id)) as InterviewAggregate);
    },

    /** What the room page needs, cut to the caller's role (interviewer notes only for interviewers). */
    async roomInfo(principal: Principal, id: string): Promise<RoomInfo> {
      const member = await memberOf(principal, id);
      const resource = member ? { roomRole: member.role, interviewId: id, orgId: member.orgId } : { interviewId: id };
      if (!member || !can(principal, 'room.join', resource)) {
        throw new AppError(
          'auth.forbidden',
          'You have no place in this interview. Open the invite link you were sent to join it.',
        );
      }
      const agg = (await repo.loadAggregate(id)) as InterviewAggregate;
      const seesPrivate = can(principal, 'room.private', resource);
      const { interview } = agg;
      // Nobody but the interviewers sees the questions before the interview starts.
      const questions = seesPrivate || !['draft', 'scheduled'].includes(interview.status) ? agg.questions : [];
      const versionIds = questions.flatMap((q) => (q.problemVersionId ? [q.problemVersionId] : []));
      const [refs, views] = await Promise.all([bankRefs({ questions }), bank.roomViews(versionIds, seesPrivate)]);
      return toRoomInfo({
        agg,
        questions,
        member,
        seesPrivate,
        canWrite: can(principal, 'room.write', resource) && memberCanWrite(member),
        canControl: principal.kind === 'user' && can(principal, 'interview.run', resource),
        refs,
        views,
        now: now(),
      });
    },

    async myInterviews(actor: UserPrincipal): Promise<MyInterview[]> {
      const rows = await repo.interviewsOfUser(actor.userId);
      return rows
        .map(({ interview, orgName, role }) => ({
          id: interview.id,
          title: interview.title,
          orgName,
          status: interview.status,
          plannedStart: iso(interview.plannedStart),
          durationMinutes: interview.durationMinutes,
          role,
          endedAt: iso(interview.endedAt),
        }))
        .sort((a, b) => (b.plannedStart ?? '').localeCompare(a.plannedStart ?? ''));
    },

    /** For the links service: the interview with the caller's authority over it checked. */
    loadFor,
  };
}
