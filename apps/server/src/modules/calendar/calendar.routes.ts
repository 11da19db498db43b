import {
  CalDavConnectInputSchema,
  CalDavConnectionSchema,
  CalendarFeedCreatedSchema,
  CalendarFeedStatusSchema,
  CalendarSettingsSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../policy/policy.js';
import { accountHolder } from '../scorecards/scorecards.routes.js';
import type { CalDavSync } from './caldav-sync.js';
import type { CalendarRepo } from './calendar.repo.js';
import type { CalendarService } from './calendar.service.js';

const tags = ['calendar'];
const OrgParams = z.object({ orgId: z.uuid() });
/** The feed token is a 256-bit base64url secret (43 characters). */
const FeedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a calendar feed link.') });

/** Calendar subscription (Settings → Calendar) and the org's reminder times (Organisation → Settings). */
export const calendarRoutes: FastifyPluginAsync<{
  calendar: CalendarService;
  repo: CalendarRepo;
  sync: CalDavSync;
}> = async (fastify, { calendar, repo, sync }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Whether you have a calendar subscription URL, and when it was last read',
        response: { 200: CalendarFeedStatusSchema },
      },
    },
    async (request) => {
      const actor = await accountHolder(request);
      const feed = await repo.activeFeed(actor.userId);
      return {
        active: feed !== null,
        createdAt: feed?.createdAt.toISOString() ?? null,
        lastUsedAt: feed?.lastUsedAt?.toISOString() ?? null,
      };
    },
  );

  app.post(
    '/api/v1/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Create a secret iCalendar URL listing your interviews (any previous URL stops working)',
        response: { 201: CalendarFeedCreatedSchema },
      },
    },
    async (request, reply) => {
      const actor = await accountHolder(request);
      const created = await calendar.rotateFeed(actor.userId);
      return reply.status(201).send({ url: created.url, createdAt: created.createdAt.toISOString() });
    },
  );

  app.delete(
    '/api/v1/me/calendar-feed',
    { schema: { tags, summary: 'Turn the calendar subscription off: its URL stops working at once' } },
    async (request, reply) => {
      const actor = await accountHolder(request);
      await repo.revokeFeed(actor.userId, new Date());
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/calendar-feeds/:token/interviews.ics',
    {
      schema: {
        tags,
        summary: 'The iCalendar feed behind a subscription URL (no sign-in: the URL is the secret)',
        params: FeedParams,
      },
    },
    async (request, reply) => {
      const text = await calendar.feed(request.params.token);
      if (text === null) {
        throw new AppError(
          'resource.not_found',
          'This calendar link is not valid or was turned off. Create a new one in Settings → Calendar.',
        );
      }
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="interviews.ics"')
        .send(text);
    },
  );

  app.get(
    '/api/v1/me/caldav',
    {
      schema: {
        tags,
        summary: 'Your CalDAV sync: which calendar, when it last synced, the last error',
        response: { 200: CalDavConnectionSchema },
      },
    },
    async (request) => sync.status((await accountHolder(request)).userId),
  );

  app.put(
    '/api/v1/me/caldav',
    {
      schema: {
        tags,
        summary:
          'Connect a CalDAV calendar (checked first): its busy times count as unavailable, your interviews are written to it',
        body: CalDavConnectInputSchema,
        response: { 200: CalDavConnectionSchema },
      },
    },
    async (request) => sync.connect((await accountHolder(request)).userId, request.body),
  );

  app.delete(
    '/api/v1/me/caldav',
    { schema: { tags, summary: 'Disconnect the CalDAV calendar (the stored password is deleted)' } },
    async (request, reply) => {
      await sync.disconnect((await accountHolder(request)).userId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/calendar-settings',
    {
      schema: {
        tags,
        summary: 'When interview reminders go out for this organisation',
        params: OrgParams,
        response: { 200: CalendarSettingsSchema },
      },
    },
    async (request) => {
      await authorize(request, 'org.read', { orgId: request.params.orgId });
      return { reminderOffsetsMinutes: await repo.reminderOffsets(request.params.orgId) };
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/calendar-settings',
    {
      schema: {
        tags,
        summary: 'Change when interview reminders go out (applies to interviews scheduled from now on)',
        params: OrgParams,
        body: CalendarSettingsSchema,
        response: { 200: CalendarSettingsSchema },
      },
    },
    async (request) => {
      await authorize(request, 'org.update', { orgId: request.params.orgId });
      const offsets = [...request.body.reminderOffsetsMinutes].sort((a, b) => b - a);
      await repo.setReminderOffsets(request.params.orgId, offsets);
      return { reminderOffsetsMinutes: offsets };
    },
  );
};
