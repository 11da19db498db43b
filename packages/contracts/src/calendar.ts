import { z } from 'zod';

/** The caller's calendar subscription (the secret URL itself is shown only when created). */
export const CalendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatusSchema>;

/** A new subscription URL: add it to a calendar app ("subscribe by URL"); the previous one stops working. */
export const CalendarFeedCreatedSchema = z.object({
  url: z.url(),
  createdAt: z.iso.datetime(),
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreatedSchema>;

/** Minutes before an interview's start at which every participant is reminded by e-mail (5 min to 7 days). */
export const ReminderOffsetSchema = z
  .number()
  .int('Use whole minutes.')
  .min(5, 'A reminder needs at least 5 minutes of lead time.')
  .max(10_080, 'Reminders can be at most 7 days (10,080 minutes) before the start.');

export const CalendarSettingsSchema = z.object({
  reminderOffsetsMinutes: z
    .array(ReminderOffsetSchema)
    .max(3, 'At most three reminders per interview.')
    .refine((list) => new Set(list).size === list.length, 'Each reminder time may appear only once.'),
});
export type CalendarSettings = z.infer<typeof CalendarSettingsSchema>;

/** A person's CalDAV sync (the password is never sent back). */
export const CalDavConnectionSchema = z.object({
  connected: z.boolean(),
  url: z.string().nullable(),
  username: z.string().nullable(),
  lastSyncAt: z.iso.datetime().nullable(),
  /** The last failure talking to the calendar, until a later sync succeeds. */
  lastError: z.string().nullable(),
});
export type CalDavConnection = z.infer<typeof CalDavConnectionSchema>;

export const CalDavConnectInputSchema = z.object({
  url: z
    .url('Enter the full URL of the calendar, starting with https://')
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u), 'Use an http:// or https:// URL.'),
  username: z.string().trim().min(1, 'Enter the user name of the calendar account.').max(200),
  password: z.string().min(1, 'Enter the password (an app password works best).').max(500),
});
export type CalDavConnectInput = z.infer<typeof CalDavConnectInputSchema>;
