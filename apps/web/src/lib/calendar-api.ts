import {
  CalDavConnectionSchema,
  CalendarFeedCreatedSchema,
  CalendarFeedStatusSchema,
  CalendarSettingsSchema,
  type CalDavConnectInput,
  type CalendarSettings,
} from '@interviewselect/contracts';
import { z } from 'zod';
import { apiGet, apiSend } from './api';

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});
const settings = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/calendar-settings`;

export const calendarKeys = {
  feed: ['calendar', 'feed'] as const,
  caldav: ['calendar', 'caldav'] as const,
  settings: (orgId: string) => ['calendar', 'settings', orgId] as const,
};

/** The calendar subscription of the signed-in person and the org's reminder times. */
export const calendarApi = {
  feed: (signal?: AbortSignal) => apiGet('/api/v1/me/calendar-feed', CalendarFeedStatusSchema, opts(signal)),
  /** A new secret URL; any previous one stops working. */
  createFeed: () => apiSend('POST', '/api/v1/me/calendar-feed', undefined, CalendarFeedCreatedSchema),
  turnOffFeed: () => apiSend('DELETE', '/api/v1/me/calendar-feed', undefined, z.undefined()),
  caldav: (signal?: AbortSignal) => apiGet('/api/v1/me/caldav', CalDavConnectionSchema, opts(signal)),
  /** Checked against the calendar server before it is stored; a 422 says what is wrong. */
  connectCaldav: (input: CalDavConnectInput) => apiSend('PUT', '/api/v1/me/caldav', input, CalDavConnectionSchema),
  disconnectCaldav: () => apiSend('DELETE', '/api/v1/me/caldav', undefined, z.undefined()),
  settings: (orgId: string, signal?: AbortSignal) => apiGet(settings(orgId), CalendarSettingsSchema, opts(signal)),
  saveSettings: (orgId: string, input: CalendarSettings) =>
    apiSend('PUT', settings(orgId), input, CalendarSettingsSchema),
};

/** "1 day", "2 hours", "30 minutes": how long before the start a reminder goes out. */
export function describeOffset(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
