import {
  CALENDAR_MAX_RANGE_DAYS,
  type CalendarEntries,
  type CalendarEntriesQuerySchema,
  type CalendarEntry,
} from '@interviewselect/contracts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { UserPrincipal } from '../interviews/interviews.service.js';
import { can } from '../policy/policy.js';
import type { CalendarEntriesRepo } from './calendar-entries.repo.js';

export type CalendarEntriesService = ReturnType<typeof createCalendarEntriesService>;
type Query = z.output<typeof CalendarEntriesQuerySchema>;

const MINUTE = 60_000;
const DAY = 86_400_000;

function invalid(path: string, message: string): AppError {
  return new AppError('request.validation_failed', message, [{ path, message }]);
}

/**
 * The calendar views (ADR 0020): the interviews with a time in a range. A
 * member sees the interviews they sit on; owners, admins and recruiters
 * (`calendar.read_all`) see the whole organisation's and may filter it by
 * interviewer. Candidates' names follow anonymous mode as in reports.
 * Moving an entry goes through the scheduling service's booking path.
 */
export function createCalendarEntriesService(deps: { repo: CalendarEntriesRepo; now: () => Date }) {
  const { repo, now } = deps;

  function rangeOf(query: Query): { from: Date; to: Date } {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw invalid('querystring.to', 'The range must end after it starts.');
    if (to.getTime() - from.getTime() > CALENDAR_MAX_RANGE_DAYS * DAY) {
      throw invalid('querystring.to', `Ask for at most ${CALENDAR_MAX_RANGE_DAYS} days at a time.`);
    }
    return { from, to };
  }

  /** Whose interviews to show: the asked interviewers (managers only, or oneself), else everyone or oneself. */
  function peopleOf(viewer: UserPrincipal, query: Query, seesAll: boolean) {
    const asked = query.interviewerIds === undefined ? [] : [query.interviewerIds].flat();
    if (asked.length > 0) {
      if (!seesAll && asked.some((id) => id !== viewer.userId)) {
        throw new AppError(
          'auth.forbidden',
          'You can see only your own interviews in the calendar. Owners, admins and recruiters see everyone’s.',
        );
      }
      return { userIds: [...new Set(asked)], roles: ['interviewer'] as const };
    }
    return seesAll ? undefined : { userIds: [viewer.userId], roles: ['interviewer', 'observer'] as const };
  }

  return {
    async entries(viewer: UserPrincipal, query: Query): Promise<CalendarEntries> {
      const { from, to } = rangeOf(query);
      const seesAll = can(viewer, 'calendar.read_all', { orgId: query.orgId });
      const people = peopleOf(viewer, query, seesAll);
      const [rows, interviewers] = await Promise.all([
        repo.interviewsBetween({ orgId: query.orgId, from, to, ...(people ? { people } : {}) }),
        seesAll
          ? repo.interviewersOf(query.orgId)
          : Promise.resolve([{ userId: viewer.userId, name: viewer.user.name }]),
      ]);
      const staff = await repo.staffOf(rows.map((r) => r.id));
      const at = now().getTime();
      const entries = rows.flatMap((row): CalendarEntry[] => {
        if (!row.plannedStart) return [];
        const mine = staff.filter((s) => s.interviewId === row.id);
        const roomRole = mine.find((s) => s.userId === viewer.userId)?.role;
        const resource = { orgId: query.orgId, interviewId: row.id, ...(roomRole ? { roomRole } : {}) };
        const start = row.plannedStart.getTime();
        return [
          {
            interviewId: row.id,
            title: row.title,
            status: row.status,
            start: new Date(start).toISOString(),
            end: new Date(start + row.durationMinutes * MINUTE).toISOString(),
            panel: mine.flatMap((s) =>
              s.role === 'interviewer' && s.userId ? [{ userId: s.userId, name: s.name }] : [],
            ),
            candidateName: row.anonymous ? 'Candidate' : row.candidateName,
            anonymous: row.anonymous,
            canReschedule: row.status === 'scheduled' && start > at && can(viewer, 'interview.manage', resource),
          },
        ];
      });
      return { scope: seesAll ? 'organisation' : 'own', interviewers, entries };
    },
  };
}
