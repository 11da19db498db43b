import {
  CreateInvitationInputSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenInputSchema,
  OrgSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../policy/policy.js';
import type { InvitationsService } from './invitations.service.js';
import { requestMeta } from './orgs.routes.js';

const tags = ['orgs'];
const OrgParams = z.object({ orgId: z.uuid() });

/**
 * Invitations under /api/v1/orgs. The token-bearing endpoints take the token
 * in a POST body rather than the URL, so it never lands in access logs.
 */
export const invitationsRoutes: FastifyPluginAsync<{ invitations: InvitationsService }> = async (
  fastify,
  { invitations },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        summary:
          'Invite someone by e-mail (owner, admin, recruiter); replaces a pending invitation to the same address',
        params: OrgParams,
        body: CreateInvitationInputSchema,
        response: { 201: InvitationSchema },
      },
    },
    async (request, reply) => {
      const principal = await authorize(request, 'org.invitations.manage', request.params);
      const inviter = { ...principal, name: principal.user.name, email: principal.user.email };
      const created = await invitations.create(inviter, request.params.orgId, request.body, requestMeta(request));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        summary: 'Pending invitations (owner, admin, recruiter)',
        params: OrgParams,
        response: { 200: z.array(InvitationSchema) },
      },
    },
    async (request) => {
      await authorize(request, 'org.invitations.manage', request.params);
      return invitations.listPending(request.params.orgId);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Withdraw a pending invitation (owner, admin, recruiter)',
        params: z.object({ orgId: z.uuid(), invitationId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { orgId, invitationId } = request.params;
      const actor = await authorize(request, 'org.invitations.manage', { orgId });
      await invitations.revoke(actor, orgId, invitationId, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/orgs/invitations/preview',
    {
      schema: {
        tags,
        summary: 'What an invitation link is for (public): org, role, inviter, expiry, validity',
        body: InvitationTokenInputSchema,
        response: { 200: InvitationPreviewSchema },
      },
    },
    async (request) => invitations.preview(request.body.token),
  );

  app.post(
    '/api/v1/orgs/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation sent to your e-mail address',
        body: InvitationTokenInputSchema,
        response: { 200: OrgSchema },
      },
    },
    async (request) => {
      const principal = await authorize(request, 'account.manage');
      return invitations.accept(
        { ...principal, email: principal.user.email },
        request.body.token,
        requestMeta(request),
      );
    },
  );
};
