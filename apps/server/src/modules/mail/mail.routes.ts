import { MailboxPageSchema, MailboxQuerySchema } from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { MailService } from './mail.service.js';

/**
 * The dev mailbox: every e-mail the embedded mode "sent". Register it only when
 * SMTP_URL is unset — with real SMTP the outbox is not something to browse.
 */
export const mailRoutes: FastifyPluginAsync<{ mail: MailService }> = async (fastify, { mail }) => {
  fastify.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/dev/mailbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'E-mail kept in the outbox by the embedded mode, newest first',
        querystring: MailboxQuerySchema,
        response: { 200: MailboxPageSchema },
      },
    },
    async (request) => mail.listOutbox(request.query),
  );
};
