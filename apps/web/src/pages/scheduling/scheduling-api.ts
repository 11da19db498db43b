import {
  AvailabilitySchema,
  BookingConflictSchema,
  BookingStateSchema,
  SchedulingLinkSchema,
  SchedulingSettingsSchema,
  SelfScheduleSchema,
  SlotListSchema,
  type AvailabilityInput,
  type CreateSchedulingLinkInput,
} from '@interviewselect/contracts';
import { z } from 'zod';
import { apiGet, apiSend } from '../../lib/api';
import { unlessConflict } from '../../lib/slot-conflict';

const interview = (id: string) => `/api/v1/interviews/${encodeURIComponent(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Every scheduling endpoint the web uses, typed with the contracts' schemas. */
export const schedulingApi = {
  availability: (signal?: AbortSignal) => apiGet('/api/v1/me/availability', AvailabilitySchema, opts(signal)),
  saveAvailability: (input: AvailabilityInput) => apiSend('PUT', '/api/v1/me/availability', input, AvailabilitySchema),
  slots: (id: string, from: string, to: string, signal?: AbortSignal) =>
    apiGet(`${interview(id)}/slots?${new URLSearchParams({ from, to }).toString()}`, SlotListSchema, opts(signal)),
  booking: (id: string, signal?: AbortSignal) => apiGet(`${interview(id)}/booking`, BookingStateSchema, opts(signal)),
  book: (id: string, start: string, reason?: string) =>
    apiSend(
      'POST',
      `${interview(id)}/booking`,
      { start, ...(reason ? { reason } : {}) },
      BookingStateSchema.or(BookingConflictSchema),
      { acceptStatuses: [409] },
    ).then(unlessConflict),
  cancel: (id: string, reason: string) =>
    apiSend('POST', `${interview(id)}/booking/cancel`, { reason }, BookingStateSchema),
  links: (id: string, signal?: AbortSignal) =>
    apiGet(`${interview(id)}/scheduling-links`, z.array(SchedulingLinkSchema), opts(signal)),
  createLink: (id: string, input: CreateSchedulingLinkInput) =>
    apiSend('POST', `${interview(id)}/scheduling-links`, input, SchedulingLinkSchema),
  revokeLink: (id: string, linkId: string) =>
    apiSend(
      'POST',
      `${interview(id)}/scheduling-links/${encodeURIComponent(linkId)}/revoke`,
      undefined,
      SchedulingLinkSchema,
    ),
  /** The token travels in a POST body, never in a URL, so it stays out of logs. */
  lookup: (token: string, signal?: AbortSignal) =>
    apiSend('POST', '/api/v1/scheduling-links/lookup', { token }, SelfScheduleSchema, opts(signal)),
  selfBook: (token: string, start: string, timeZone: string, reason?: string) =>
    apiSend(
      'POST',
      '/api/v1/scheduling-links/book',
      { token, start, timeZone, ...(reason ? { reason } : {}) },
      SelfScheduleSchema.or(BookingConflictSchema),
      { acceptStatuses: [409] },
    ).then(unlessConflict),
  settings: (orgId: string, signal?: AbortSignal) =>
    apiGet(`/api/v1/orgs/${encodeURIComponent(orgId)}/scheduling-settings`, SchedulingSettingsSchema, opts(signal)),
};

export const schedulingKeys = {
  availability: ['scheduling', 'availability'] as const,
  slots: (id: string, from: string, to: string) => ['scheduling', id, 'slots', from, to] as const,
  booking: (id: string) => ['scheduling', id, 'booking'] as const,
  links: (id: string) => ['scheduling', id, 'links'] as const,
};
