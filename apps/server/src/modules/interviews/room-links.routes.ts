import {
  JoinRoomInputSchema,
  JoinRoomResultSchema,
  LobbySchema,
  RoomLinkTokenInputSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { GUEST_SESSION_TTL_MS } from '../auth/guest-sessions.js';
import { requestMeta } from '../orgs/orgs.routes.js';
import type { InterviewLinksService } from './interview-links.service.js';

const tags = ['interviews'];

/**
 * Opening an invite link (public: whoever holds the token). POST with the
 * token in the body, so it stays out of URLs and logs; the web app reads it
 * from the link's #fragment.
 */
export const roomLinksRoutes: FastifyPluginAsync<{ links: InterviewLinksService }> = async (fastify, { links }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/room-links/lookup',
    {
      schema: {
        tags,
        summary: 'What an invite link opens (the lobby)',
        body: RoomLinkTokenInputSchema,
        response: { 200: LobbySchema },
      },
    },
    async (request) => links.lookup(await request.principal(), request.body.token),
  );

  app.post(
    '/api/v1/room-links/join',
    {
      schema: {
        tags,
        summary: 'Join an interview through its invite link (as a guest, or with your account when signed in)',
        body: JoinRoomInputSchema,
        response: { 200: JoinRoomResultSchema },
      },
    },
    async (request, reply) => {
      const joined = await links.join(await request.principal(), request.body, requestMeta(request));
      if (joined.guestToken) reply.setGuestCookie(joined.guestToken, GUEST_SESSION_TTL_MS);
      return { interviewId: joined.interviewId, role: joined.role };
    },
  );
};
