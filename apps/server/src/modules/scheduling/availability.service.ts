import type { Availability, AvailabilityInputSchema } from '@interviewselect/contracts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { availabilityIssues, DEFAULT_WEEKLY, weeklyRows } from './availability-rules.js';
import type { AvailabilityRepo } from './availability.repo.js';
import { formatWallTime, parseWallTime } from './local-time.js';

export type AvailabilityService = ReturnType<typeof createAvailabilityService>;

/** An interviewer's own availability: weekly hours in their zone, date exceptions, buffers, notice, daily maximum. */
export function createAvailabilityService(deps: { repo: AvailabilityRepo; now: () => Date }) {
  const { repo } = deps;

  const service = {
    async get(userId: string): Promise<Availability> {
      const stored = await repo.find(userId);
      if (!stored) {
        return {
          timeZone: 'UTC',
          weekly: [...DEFAULT_WEEKLY],
          exceptions: [],
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 0,
          minimumNoticeMinutes: 0,
          maxPerDay: null,
          isConfigured: false,
        };
      }
      const { profile } = stored;
      return {
        timeZone: profile.timeZone,
        weekly: stored.rules.map((r) => ({
          weekday: r.weekday,
          start: formatWallTime(r.startMinute),
          end: formatWallTime(r.endMinute),
        })),
        exceptions: stored.exceptions.map((e) => ({
          date: e.date,
          kind: e.kind,
          start: e.startMinute === null ? null : formatWallTime(e.startMinute),
          end: e.endMinute === null ? null : formatWallTime(e.endMinute),
        })),
        bufferBeforeMinutes: profile.bufferBeforeMinutes,
        bufferAfterMinutes: profile.bufferAfterMinutes,
        minimumNoticeMinutes: profile.minimumNoticeMinutes,
        maxPerDay: profile.maxPerDay,
        isConfigured: true,
      };
    },

    async save(userId: string, input: z.output<typeof AvailabilityInputSchema>): Promise<Availability> {
      const issues = availabilityIssues(input);
      if (issues.length > 0) {
        throw new AppError(
          'request.validation_failed',
          `Availability has ${issues.length} problem(s): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
        );
      }
      await repo.save(
        userId,
        {
          profile: {
            timeZone: input.timeZone,
            bufferBeforeMinutes: input.bufferBeforeMinutes,
            bufferAfterMinutes: input.bufferAfterMinutes,
            minimumNoticeMinutes: input.minimumNoticeMinutes,
            maxPerDay: input.maxPerDay,
          },
          rules: weeklyRows(input.weekly),
          exceptions: [...input.exceptions]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((e) => ({
              date: e.date,
              kind: e.kind,
              startMinute: e.start === null ? null : parseWallTime(e.start),
              endMinute: e.end === null ? null : parseWallTime(e.end),
            })),
        },
        deps.now(),
      );
      return service.get(userId);
    },
  };
  return service;
}
