import {
  InterviewStatusSchema,
  RoomInfoSchema,
  type InterviewAction,
  type InterviewStatus,
} from '@interviewselect/contracts';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../lib/api';

const interview = (id: string) => `/api/v1/interviews/${encodeURIComponent(id)}`;

/** The transition answers with the interview; the room only needs its new status. */
const TransitionResultSchema = z.union([z.object({ status: InterviewStatusSchema }), z.undefined()]);

export const roomKeys = {
  info: (interviewId: string) => ['interviews', interviewId, 'room'] as const,
};

export const roomApi = {
  info: (interviewId: string, signal?: AbortSignal) =>
    apiGet(`${interview(interviewId)}/room`, RoomInfoSchema, signal ? { signal } : {}),
  transition: async (interviewId: string, action: InterviewAction): Promise<InterviewStatus | null> => {
    const result = await apiSend('POST', `${interview(interviewId)}/transitions`, { action }, TransitionResultSchema);
    return result?.status ?? null;
  },
};

export function roomInfoQuery(interviewId: string) {
  return queryOptions({
    queryKey: roomKeys.info(interviewId),
    queryFn: ({ signal }) => roomApi.info(interviewId, signal),
    staleTime: 30_000,
  });
}
