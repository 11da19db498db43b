import {
  AdminUserDetailSchema,
  AdminUserPageSchema,
  AdminUserQuerySchema,
  AuditPageSchema,
  AuditQuerySchema,
  AuditVerifyResultSchema,
  SetPlatformRoleInputSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMeta } from '../orgs/orgs.routes.js';
import { authorize } from '../policy/policy.js';
import type { AdminService } from './admin.service.js';

const tags = ['admin'];
const UserParams = z.object({ userId: z.uuid() });

/** Platform administration under /api/v1/admin (platform admins only). */
export const adminRoutes: FastifyPluginAsync<{ admin: AdminService }> = async (fastify, { admin }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags,
        summary: 'Find users by e-mail or name; filter by status and platform role; sort by created, name or e-mail',
        querystring: AdminUserQuerySchema,
        response: { 200: AdminUserPageSchema },
      },
    },
    async (request) => {
      await authorize(request, 'admin.users.read');
      return admin.listUsers(request.query);
    },
  );

  app.get(
    '/api/v1/admin/users/:userId',
    {
      schema: {
        tags,
        summary: 'One user: profile, memberships, live sessions',
        params: UserParams,
        response: { 200: AdminUserDetailSchema },
      },
    },
    async (request) => {
      await authorize(request, 'admin.users.read');
      return admin.getUser(request.params.userId);
    },
  );

  for (const [verb, suspended] of [
    ['suspend', true],
    ['unsuspend', false],
  ] as const) {
    app.post(
      `/api/v1/admin/users/:userId/${verb}`,
      {
        schema: {
          tags,
          summary: suspended ? 'Suspend a user and end all their sessions' : 'Lift a suspension',
          params: UserParams,
          response: { 200: AdminUserDetailSchema },
        },
      },
      async (request) => {
        const actor = await authorize(request, 'admin.users.manage');
        return admin.setSuspended(actor.userId, request.params.userId, suspended, requestMeta(request));
      },
    );
  }

  app.put(
    '/api/v1/admin/users/:userId/platform-role',
    {
      schema: {
        tags,
        summary: 'Grant or take away the platform admin role',
        params: UserParams,
        body: SetPlatformRoleInputSchema,
        response: { 200: AdminUserDetailSchema },
      },
    },
    async (request) => {
      const actor = await authorize(request, 'admin.users.manage');
      return admin.setPlatformRole(actor.userId, request.params.userId, request.body.role, requestMeta(request));
    },
  );

  app.get(
    '/api/v1/admin/audit',
    {
      schema: {
        tags,
        summary: 'Audit events, newest first; filter by action prefix, actor, org and time',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => {
      await authorize(request, 'admin.audit.read');
      return admin.listAudit(request.query);
    },
  );

  app.get(
    '/api/v1/admin/audit/verify',
    {
      schema: { tags, summary: 'Recompute the audit hash chain', response: { 200: AuditVerifyResultSchema } },
    },
    async (request) => {
      await authorize(request, 'admin.audit.read');
      return admin.verifyAudit();
    },
  );
};
