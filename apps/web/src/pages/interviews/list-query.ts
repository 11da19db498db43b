import {
  INTERVIEW_SORTS,
  InterviewStatusSchema,
  type InterviewListQuery,
  type InterviewStatus,
} from '@interviewselect/contracts';
import { z } from 'zod';
import { dayStartIso } from './local-time';

export const PAGE_SIZE = 25;

export type InterviewSort = (typeof INTERVIEW_SORTS)[number];

/** What the list page keeps in its address: filters as typed (days, not instants), so links stay readable. */
export interface ListFilters {
  status: InterviewStatus | '';
  /** "2026-11-23": planned on or after this day (viewer's zone). */
  from: string;
  /** Planned on or before this day, inclusive. */
  to: string;
  interviewerId: string;
  candidate: string;
  sort: InterviewSort;
  order: 'asc' | 'desc';
  page: number;
}

/** The server's default: latest planned start first. */
export const DEFAULT_SORT = { sort: 'plannedStart', order: 'desc' } as const;

const SortSchema = z.enum(INTERVIEW_SORTS);
const OrderSchema = z.enum(['asc', 'desc']);
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Filters from the URL; anything unreadable falls back to "no filter". */
export function readFilters(params: URLSearchParams): ListFilters {
  const status = InterviewStatusSchema.safeParse(params.get('status'));
  const sort = SortSchema.safeParse(params.get('sort'));
  const order = OrderSchema.safeParse(params.get('order'));
  const from = DaySchema.safeParse(params.get('from'));
  const to = DaySchema.safeParse(params.get('to'));
  const page = Number(params.get('page'));
  return {
    status: status.success ? status.data : '',
    from: from.success ? from.data : '',
    to: to.success ? to.data : '',
    interviewerId: z.uuid().safeParse(params.get('interviewer')).success ? (params.get('interviewer') ?? '') : '',
    candidate: (params.get('candidate') ?? '').trim().slice(0, 100),
    sort: sort.success ? sort.data : DEFAULT_SORT.sort,
    order: order.success ? order.data : sort.success ? 'asc' : DEFAULT_SORT.order,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL for filters: defaults left out, so the plain /interviews stays plain. */
export function writeFilters(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.interviewerId) params.set('interviewer', filters.interviewerId);
  if (filters.candidate) params.set('candidate', filters.candidate);
  if (filters.sort !== DEFAULT_SORT.sort || filters.order !== DEFAULT_SORT.order) {
    params.set('sort', filters.sort);
    params.set('order', filters.order);
  }
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The API query for the filters: days become instants in the viewer's zone; "to" includes its whole day. */
export function toListQuery(orgId: string, filters: ListFilters): InterviewListQuery {
  const from = filters.from ? dayStartIso(filters.from) : null;
  const to = filters.to ? dayStartIso(filters.to, 1) : null;
  return {
    orgId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(filters.interviewerId ? { interviewerId: filters.interviewerId } : {}),
    ...(filters.candidate ? { candidate: filters.candidate } : {}),
    sort: filters.sort,
    order: filters.order,
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
}

export function hasActiveFilters(filters: ListFilters): boolean {
  return Boolean(filters.status || filters.from || filters.to || filters.interviewerId || filters.candidate);
}
