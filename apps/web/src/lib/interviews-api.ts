import {
  BookingConflictSchema,
  InterviewLinkSchema,
  InterviewListSchema,
  InterviewSchema,
  JoinRoomResultSchema,
  LobbySchema,
  MyInterviewSchema,
  type CreateInterviewInput,
  type CreateInterviewLinkInput,
  type InterviewListQuery,
  type InterviewTransitionInput,
  type JoinRoomInput,
  type UpdateInterviewInput,
} from '@interviewselect/contracts';
import { z } from 'zod';
import { apiGet, apiSend } from './api';
import { unlessConflict } from './slot-conflict';

const interview = (id: string) => `/api/v1/interviews/${encodeURIComponent(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The list query as a query string: only the filters that are set, in a stable order (cache keys, URLs). */
export function interviewListSearch(query: InterviewListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, string | number | undefined][]) {
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  return params.toString();
}

/** Every /api/v1/interviews and /api/v1/room-links endpoint the web uses, typed with the contracts' schemas. */
export const interviewsApi = {
  list: (query: InterviewListQuery, signal?: AbortSignal) =>
    apiGet(`/api/v1/interviews?${interviewListSearch(query)}`, InterviewListSchema, opts(signal)),
  get: (id: string, signal?: AbortSignal) => apiGet(interview(id), InterviewSchema, opts(signal)),
  create: (input: CreateInterviewInput) => apiSend('POST', '/api/v1/interviews', input, InterviewSchema),
  /** A new time or panel that clashes with someone's calendar throws a SlotConflictError with free alternatives. */
  update: (id: string, input: UpdateInterviewInput) =>
    apiSend('PATCH', interview(id), input, InterviewSchema.or(BookingConflictSchema), {
      acceptStatuses: [409],
    }).then(unlessConflict),
  /** `schedule` at a busy time throws a SlotConflictError with free alternatives. */
  transition: (id: string, input: InterviewTransitionInput) =>
    apiSend('POST', `${interview(id)}/transitions`, input, InterviewSchema.or(BookingConflictSchema), {
      acceptStatuses: [409],
    }).then(unlessConflict),
  links: (id: string, signal?: AbortSignal) =>
    apiGet(`${interview(id)}/links`, z.array(InterviewLinkSchema), opts(signal)),
  createLink: (id: string, input: CreateInterviewLinkInput) =>
    apiSend('POST', `${interview(id)}/links`, input, InterviewLinkSchema),
  revokeLink: (id: string, linkId: string) =>
    apiSend('POST', `${interview(id)}/links/${encodeURIComponent(linkId)}/revoke`, undefined, InterviewLinkSchema),
  /** The token travels in a POST body, never in a URL, so it stays out of logs. */
  lookupLink: (token: string, signal?: AbortSignal) =>
    apiSend('POST', '/api/v1/room-links/lookup', { token }, LobbySchema, opts(signal)),
  joinLink: (input: JoinRoomInput) => apiSend('POST', '/api/v1/room-links/join', input, JoinRoomResultSchema),
  mine: (signal?: AbortSignal) => apiGet('/api/v1/me/interviews', z.array(MyInterviewSchema), opts(signal)),
};

export const interviewKeys = {
  all: ['interviews'] as const,
  lists: ['interviews', 'list'] as const,
  list: (query: InterviewListQuery) => ['interviews', 'list', interviewListSearch(query)] as const,
  detail: (id: string) => ['interviews', id, 'detail'] as const,
  links: (id: string) => ['interviews', id, 'links'] as const,
  mine: ['interviews', 'mine'] as const,
  /** Keyed by the token so two tabs with two links never share an answer; never persisted anywhere. */
  lobby: (token: string) => ['room-links', 'lookup', token] as const,
};
