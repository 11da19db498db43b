import {
  ChangeMemberRoleInputSchema,
  CreateOrgInputSchema,
  OrgMemberSchema,
  OrgSchema,
  RenameOrgInputSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestMeta } from '../auth/sessions.service.js';
import { authorize } from '../policy/policy.js';
import type { OrgsService } from './orgs.service.js';

const tags = ['orgs'];
const OrgParams = z.object({ orgId: z.uuid() });
const MemberParams = z.object({ orgId: z.uuid(), userId: z.uuid() });

/** Client address and agent, for the audit log. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/** Organisations and members under /api/v1/orgs (screens: org switcher, settings → members). */
export const orgsRoutes: FastifyPluginAsync<{ orgs: OrgsService }> = async (fastify, { orgs }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/orgs',
    {
      schema: {
        tags,
        summary: 'Create an organisation; you become its owner',
        body: CreateOrgInputSchema,
        response: { 201: OrgSchema },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'org.create');
      return reply.status(201).send(await orgs.create(actor, request.body.name, requestMeta(request)));
    },
  );

  app.get(
    '/api/v1/orgs',
    { schema: { tags, summary: 'Organisations you belong to', response: { 200: z.array(OrgSchema) } } },
    async (request) => {
      const actor = await authorize(request, 'account.manage');
      return orgs.listMine(actor.userId);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId',
    { schema: { tags, summary: 'One organisation you belong to', params: OrgParams, response: { 200: OrgSchema } } },
    async (request) => {
      const actor = await authorize(request, 'org.read', request.params);
      return orgs.get(actor, request.params.orgId);
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId',
    {
      schema: {
        tags,
        summary: 'Rename an organisation (owner, admin)',
        params: OrgParams,
        body: RenameOrgInputSchema,
        response: { 200: OrgSchema },
      },
    },
    async (request) => {
      const actor = await authorize(request, 'org.update', request.params);
      return orgs.rename(actor, request.params.orgId, request.body.name, requestMeta(request));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/members',
    {
      schema: {
        tags,
        summary: 'Members and their roles',
        params: OrgParams,
        response: { 200: z.array(OrgMemberSchema) },
      },
    },
    async (request) => {
      await authorize(request, 'org.members.read', request.params);
      return orgs.listMembers(request.params.orgId);
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role (owner, admin; only owners grant or take away owner)",
        params: MemberParams,
        body: ChangeMemberRoleInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { orgId, userId } = request.params;
      const actor = await authorize(request, 'org.members.manage', { orgId });
      await orgs.changeRole(actor, orgId, userId, request.body.role, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (owner, admin); the last owner cannot be removed',
        params: MemberParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { orgId, userId } = request.params;
      const actor = await authorize(request, 'org.members.manage', { orgId });
      await orgs.removeMember(actor, orgId, userId, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/leave',
    {
      schema: {
        tags,
        summary: 'Leave an organisation; the last owner cannot leave',
        params: OrgParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'org.read', request.params);
      await orgs.leave(actor, request.params.orgId, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/switch',
    {
      schema: {
        tags,
        summary: 'Make this organisation the active one of this session',
        params: OrgParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'org.read', request.params);
      await orgs.switchActive(actor, request.params.orgId);
      return reply.status(204).send(null);
    },
  );
};
