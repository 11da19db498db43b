import {
  BookingConflictSchema,
  AvailabilityInputSchema,
  AvailabilitySchema,
  BookInterviewInputSchema,
  BookingStateSchema,
  CancelBookingInputSchema,
  SchedulingSettingsSchema,
  SlotListSchema,
  SlotQuerySchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../policy/policy.js';
import type { AvailabilityService } from './availability.service.js';
import type { SchedulingLinksService } from './scheduling-links.service.js';
import type { SchedulingService } from './scheduling.service.js';
import { replySlotUnavailable } from './slot-unavailable.js';

const tags = ['scheduling'];
const InterviewParams = z.object({ interviewId: z.uuid() });
const OrgParams = z.object({ orgId: z.uuid() });

/** Availability, slots and bookings (screens: Settings → Availability, an interview's Schedule page). */
export const schedulingRoutes: FastifyPluginAsync<{
  availability: AvailabilityService;
  scheduling: SchedulingService;
  links: SchedulingLinksService;
}> = async (fastify, { availability, scheduling, links }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/me/availability',
    { schema: { tags, summary: 'Your availability for interviews', response: { 200: AvailabilitySchema } } },
    async (request) => availability.get((await authorize(request, 'account.manage')).userId),
  );

  app.put(
    '/api/v1/me/availability',
    {
      schema: {
        tags,
        summary: 'Replace your availability (weekly hours in your time zone, exceptions, buffers, limits)',
        body: AvailabilityInputSchema,
        response: { 200: AvailabilitySchema },
      },
    },
    async (request) => availability.save((await authorize(request, 'account.manage')).userId, request.body),
  );

  app.get(
    '/api/v1/interviews/:interviewId/slots',
    {
      schema: {
        tags,
        summary: 'The panel’s common free slots for the interview’s duration (UTC)',
        params: InterviewParams,
        querystring: SlotQuerySchema,
        response: { 200: SlotListSchema },
      },
    },
    async (request) =>
      scheduling.slots(
        await authorize(request, 'account.manage'),
        request.params.interviewId,
        new Date(request.query.from),
        new Date(request.query.to),
      ),
  );

  app.get(
    '/api/v1/interviews/:interviewId/booking',
    {
      schema: {
        tags,
        summary: 'The interview’s booked time and booking history',
        params: InterviewParams,
        response: { 200: BookingStateSchema },
      },
    },
    async (request) => scheduling.state(await authorize(request, 'account.manage'), request.params.interviewId),
  );

  app.post(
    '/api/v1/interviews/:interviewId/booking',
    {
      schema: {
        tags,
        summary: 'Book the whole panel at a time (schedules a draft; reschedules a scheduled interview, with a reason)',
        params: InterviewParams,
        body: BookInterviewInputSchema,
        response: { 200: BookingStateSchema, 409: BookingConflictSchema },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'account.manage');
      const result = await scheduling.book(actor, request.params.interviewId, request.body.start, request.body.reason);
      return result.ok ? result.state : replySlotUnavailable(request, reply, result);
    },
  );

  app.post(
    '/api/v1/interviews/:interviewId/booking/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel the interview and free its interviewers (with a reason)',
        params: InterviewParams,
        body: CancelBookingInputSchema,
        response: { 200: BookingStateSchema },
      },
    },
    async (request) =>
      scheduling.cancel(await authorize(request, 'account.manage'), request.params.interviewId, request.body.reason),
  );

  app.get(
    '/api/v1/orgs/:orgId/scheduling-settings',
    {
      schema: {
        tags,
        summary: 'The organisation’s scheduling rules',
        params: OrgParams,
        response: { 200: SchedulingSettingsSchema },
      },
    },
    async (request) => {
      await authorize(request, 'org.read', { orgId: request.params.orgId });
      return links.settings(request.params.orgId);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/scheduling-settings',
    {
      schema: {
        tags,
        summary: 'Change the organisation’s scheduling rules (owners and admins)',
        params: OrgParams,
        body: SchedulingSettingsSchema,
        response: { 200: SchedulingSettingsSchema },
      },
    },
    async (request) => {
      await authorize(request, 'org.update', { orgId: request.params.orgId });
      return links.saveSettings(request.params.orgId, request.body);
    },
  );
};
