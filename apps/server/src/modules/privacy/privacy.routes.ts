import { PasswordConfirmInputSchema } from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../policy/policy.js';
import type { PrivacyService } from './privacy.service.js';

const tags = ['account'];

/** "Download my data" and "delete my account" (Settings → Privacy). */
export const privacyRoutes: FastifyPluginAsync<{ privacy: PrivacyService }> = async (fastify, { privacy }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/me/export',
    {
      schema: {
        tags,
        summary: 'Download everything this account owns, as JSON',
        response: { 200: z.looseObject({ format: z.string() }) },
      },
    },
    async (request, reply) => {
      const user = await authorize(request, 'account.manage');
      const data = await privacy.exportData(user.userId, request.ip);
      return reply.header('content-disposition', 'attachment; filename="interviewselect-account.json"').send(data);
    },
  );

  app.post(
    '/api/v1/me/delete',
    {
      schema: {
        tags,
        summary: 'Erase this account: personal data wiped, sessions ended (password required)',
        body: PasswordConfirmInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const user = await authorize(request, 'account.manage');
      await privacy.erase(user.userId, request.body.password, request.ip);
      return reply.clearSessionCookie().status(204).send(null);
    },
  );
};
