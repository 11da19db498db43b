import {
  ScorecardTemplateDetailSchema,
  ScorecardTemplateInputSchema,
  ScorecardTemplateListSchema,
  ScorecardTemplateVersionSchema,
  UpdateScorecardTemplateInputSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMeta } from '../orgs/orgs.routes.js';
import { authorize } from '../policy/policy.js';
import type { ScorecardTemplatesService } from './scorecard-templates.service.js';
import { accountHolder } from './scorecards.routes.js';

const tags = ['scorecards'];
const OrgParams = z.object({ orgId: z.uuid() });
const TemplateParams = z.object({ templateId: z.uuid() });
const VersionParams = z.object({ templateId: z.uuid(), version: z.coerce.number().int().min(1) });

/** Scorecard templates (screen: organisation settings → Scorecard templates). */
export const scorecardTemplatesRoutes: FastifyPluginAsync<{ templates: ScorecardTemplatesService }> = async (
  fastify,
  { templates },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/orgs/:orgId/scorecard-templates',
    {
      schema: {
        tags,
        summary: 'An organisation’s scorecard templates (the built-in default is added on first use)',
        params: OrgParams,
        response: { 200: ScorecardTemplateListSchema },
      },
    },
    async (request) => {
      const actor = await authorize(request, 'scorecard.template.read', { orgId: request.params.orgId });
      return templates.list(actor, request.params.orgId);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/scorecard-templates',
    {
      schema: {
        tags,
        summary: 'Create a scorecard template (version 1)',
        params: OrgParams,
        body: ScorecardTemplateInputSchema,
        response: { 201: ScorecardTemplateDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'scorecard.template.manage', { orgId: request.params.orgId });
      const created = await templates.create(actor, request.params.orgId, request.body, requestMeta(request));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/scorecard-templates/:templateId',
    {
      schema: {
        tags,
        summary: 'A template: its current version in full and its version history',
        params: TemplateParams,
        response: { 200: ScorecardTemplateDetailSchema },
      },
    },
    async (request) => templates.get(await accountHolder(request), request.params.templateId),
  );

  app.get(
    '/api/v1/scorecard-templates/:templateId/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version of a template (versions never change)',
        params: VersionParams,
        response: { 200: ScorecardTemplateVersionSchema },
      },
    },
    async (request) =>
      templates.version(await accountHolder(request), request.params.templateId, request.params.version),
  );

  app.put(
    '/api/v1/scorecard-templates/:templateId',
    {
      schema: {
        tags,
        summary: 'Edit a template: saves a new version (scorecards keep the version they used)',
        params: TemplateParams,
        body: UpdateScorecardTemplateInputSchema,
        response: { 200: ScorecardTemplateDetailSchema },
      },
    },
    async (request) =>
      templates.update(
        await accountHolder(request),
        request.params.templateId,
        request.body.baseVersion,
        request.body.template,
        requestMeta(request),
      ),
  );

  for (const [path, status] of [
    ['archive', 'archived'],
    ['restore', 'active'],
  ] as const) {
    app.post(
      `/api/v1/scorecard-templates/:templateId/${path}`,
      {
        schema: {
          tags,
          summary: status === 'archived' ? 'Archive a template (not the default)' : 'Restore an archived template',
          params: TemplateParams,
          response: { 200: ScorecardTemplateDetailSchema },
        },
      },
      async (request) =>
        templates.setStatus(await accountHolder(request), request.params.templateId, status, requestMeta(request)),
    );
  }

  app.post(
    '/api/v1/scorecard-templates/:templateId/default',
    {
      schema: {
        tags,
        summary: 'Make a template the organisation’s default for new scorecards',
        params: TemplateParams,
        response: { 200: ScorecardTemplateDetailSchema },
      },
    },
    async (request) =>
      templates.setDefault(await accountHolder(request), request.params.templateId, requestMeta(request)),
  );
};
