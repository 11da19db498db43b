import { OrgSettingsSchema, UpdateOrgSettingsInputSchema, type OrgSettings } from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { authorize } from '../policy/policy.js';
import type { OrgSettingsRepo } from './org-settings.repo.js';
import { requestMeta } from './orgs.routes.js';

const OrgParams = z.object({ orgId: z.uuid() });

function found(settings: OrgSettings | null): OrgSettings {
  if (!settings) throw new AppError('resource.not_found', 'No such organisation.');
  return settings;
}

/** Organisation settings (screen: organisation → Recordings): every member reads, owners and admins change them (audited). */
export const orgSettingsRoutes: FastifyPluginAsync<{ repo: OrgSettingsRepo; audit: AuditService }> = async (
  fastify,
  { repo, audit },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/orgs/:orgId/settings',
    {
      schema: {
        tags: ['orgs'],
        summary: 'Organisation settings',
        params: OrgParams,
        response: { 200: OrgSettingsSchema },
      },
    },
    async (request) => {
      await authorize(request, 'org.read', request.params);
      return found(await repo.get(request.params.orgId));
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId/settings',
    {
      schema: {
        tags: ['orgs'],
        summary: 'Change organisation settings (owners, admins): e.g. how many days recordings are kept',
        params: OrgParams,
        body: UpdateOrgSettingsInputSchema,
        response: { 200: OrgSettingsSchema },
      },
    },
    async (request) => {
      const actor = await authorize(request, 'org.update', request.params);
      const before = found(await repo.get(request.params.orgId));
      const after = found(await repo.update(request.params.orgId, request.body));
      const meta = requestMeta(request);
      await audit.record({
        action: 'org.settings_changed',
        actorUserId: actor.userId,
        orgId: request.params.orgId,
        targetType: 'org',
        targetId: request.params.orgId,
        data: { before, after },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return after;
    },
  );
};
